package dev.knot.testkit.contract;

import static dev.knot.testkit.contract.KnotErrors.assertFailsWith;
import static dev.knot.testkit.contract.KnotErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SpaceRepository}: among one user's spaces every name and alternative name is unique,
 * case-insensitively; other users may reuse them. A rejected write leaves nothing behind, and the name, owner and
 * template indexes follow updates and deletes. {@code replaceIfUnchanged} writes only over the very space the caller
 * read, and of racing callers exactly one wins.
 */
public abstract class SpaceRepositoryContract extends EntityRepositoryContract<Space, SpaceRepository> {
    private static final int CONTENDERS = 20;
    private static final int ROUNDS = 10;

    private final Id<User> alice = FixtureDefaults.anId();
    private final Id<User> bob = FixtureDefaults.anId();

    protected SpaceRepositoryContract() {
        super(SpaceRepository.class);
    }

    @Override
    protected final Space anEntity() {
        return SpaceFixtures.aSpace().build();
    }

    @Override
    protected final Id<Space> idOf(Space space) {
        return space.id();
    }

    @Override
    protected final void insert(SpaceRepository repository, Space space) {
        repository.create(space);
    }

    @Test
    public void everyFieldSurvivesTheRoundTrip() {
        Space space = SpaceFixtures.aRunningSpace()
                .withOwner(alice)
                .withName("Dev-Box")
                .withAltNames("second", "Third-Name")
                .withAgentUrl("https://agent.example.com:3000")
                .withShell(Shell.ZSH)
                .withLocation("zürich")
                .withTemplateHash("0cc175b9c0f1b6a831c399e269772661")
                .withNomadNamespace("team-a")
                .withNomadJobId("alice-dev-box")
                .withVolumeData(Map.of(
                        "data", new CsiVolumeRef("alice-dev-box-data", "team-a"),
                        "home", new CsiVolumeRef("alice-dev-box-home", "default")))
                .withVolumeSizes(Map.of("data", 10L, "home", 5_000_000_000L))
                .withStateMessage("Nomad said: ünable to place 🚫\nline two")
                .withCreatedAt(FixtureDefaults.NOW.minusSeconds(3600))
                .withUpdatedAt(FixtureDefaults.NOW)
                .build();

        repository().create(space);

        assertThat(repository().findById(space.id())).contains(space);
    }

    @Test
    public void emptyStringsListsAndMapsSurviveTheRoundTrip() {
        Space space = SpaceFixtures.aStoppedSpace()
                .withAltNames()
                .withAgentUrl("")
                .withLocation("")
                .withTemplateHash("")
                .withNomadNamespace("")
                .withNomadJobId("")
                .withVolumeData(Map.of())
                .withVolumeSizes(Map.of())
                .withStateMessage("")
                .build();

        repository().create(space);

        assertThat(repository().findById(space.id())).contains(space);
    }

    @Test
    public void everyStateSurvivesTheRoundTrip() {
        for (SpaceState state : SpaceState.values()) {
            Space space = SpaceFixtures.aSpace().withState(state).build();

            repository().create(space);

            assertThat(repository().findById(space.id())).contains(space);
        }
    }

    @Test
    public void altNamesKeepTheirOrder() {
        Space space = SpaceFixtures.aSpace().withAltNames("zulu", "alpha", "mike").build();

        repository().create(space);

        assertThat(repository().findById(space.id()).orElseThrow().altNames()).containsExactly("zulu", "alpha", "mike");
    }

    @Test
    public void findByNameResolvesTheNameAndEveryAltNameIgnoringCase() {
        Space space = SpaceFixtures.aSpace().withOwner(alice).withName("Dev").withAltNames("other", "Third").build();
        repository().create(space);
        repository().create(SpaceFixtures.aSpace().withOwner(alice).build());

        assertThat(repository().findByName(alice, "Dev")).contains(space);
        assertThat(repository().findByName(alice, "dev")).contains(space);
        assertThat(repository().findByName(alice, "OTHER")).contains(space);
        assertThat(repository().findByName(alice, "third")).contains(space);
        assertThat(repository().findByName(alice, "missing")).isEmpty();
    }

    @Test
    public void findByNameOnlyLooksAtThatUsersSpaces() {
        Space alices = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(alices);

        assertThat(repository().findByName(bob, "dev")).isEmpty();
        assertThat(repository().findByName(bob, "box")).isEmpty();
    }

    @Test
    public void twoUsersMayHaveSpacesOfTheSameName() {
        Space alices = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        Space bobs = SpaceFixtures.aSpace().withOwner(bob).withName("DEV").withAltNames("Box").build();

        repository().create(alices);
        repository().create(bobs);

        assertThat(repository().findByName(alice, "dev")).contains(alices);
        assertThat(repository().findByName(bob, "dev")).contains(bobs);
        assertThat(repository().findByName(alice, "box")).contains(alices);
        assertThat(repository().findByName(bob, "box")).contains(bobs);
    }

    @Test
    public void createWithATakenIdFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).build();
        repository().create(existing);
        Space sameId = SpaceFixtures.aSpace().withId(existing.id()).withOwner(bob).build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(sameId));

        assertThat(repository().findById(existing.id())).contains(existing);
        assertThat(repository().findByName(bob, sameId.name())).isEmpty();
        assertThat(repository().findByUser(bob)).isEmpty();
        assertThat(repository().findByTemplate(sameId.templateId())).isEmpty();
    }

    @Test
    public void createWithTheSameNameInAnotherCaseForTheSameUserFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        repository().create(existing);
        Space clash = SpaceFixtures.aSpace().withOwner(alice).withName("DEV").withAltNames("fresh").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertNothingWrittenFor(clash, existing);
    }

    @Test
    public void createWithANameThatIsAnotherSpacesAltNameFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(existing);
        Space clash = SpaceFixtures.aSpace().withOwner(alice).withName("Box").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertNothingWrittenFor(clash, existing);
    }

    @Test
    public void createWithAnAltNameThatIsAnotherSpacesNameFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        repository().create(existing);
        Space clash = SpaceFixtures.aSpace().withOwner(alice).withName("fresh").withAltNames("other", "Dev").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertNothingWrittenFor(clash, existing);
        assertThat(repository().findByName(alice, "fresh")).isEmpty();
        assertThat(repository().findByName(alice, "other")).isEmpty();
    }

    @Test
    public void createWithAnAltNameThatIsAnotherSpacesAltNameFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(existing);
        Space clash = SpaceFixtures.aSpace().withOwner(alice).withName("fresh").withAltNames("BOX").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertNothingWrittenFor(clash, existing);
        assertThat(repository().findByName(alice, "fresh")).isEmpty();
    }

    @Test
    public void findByUserReturnsOnlyThatUsersSpaces() {
        Space first = SpaceFixtures.aSpace().withOwner(alice).build();
        Space second = SpaceFixtures.aSpace().withOwner(alice).build();
        Space bobs = SpaceFixtures.aSpace().withOwner(bob).build();
        repository().create(first);
        repository().create(second);
        repository().create(bobs);

        assertThat(repository().findByUser(alice)).containsExactlyInAnyOrder(first, second);
        assertThat(repository().findByUser(bob)).containsExactly(bobs);
        assertThat(repository().findByUser(FixtureDefaults.anId())).isEmpty();
    }

    @Test
    public void findByTemplateReturnsEverySpaceMadeFromIt() {
        Id<Template> template = FixtureDefaults.anId();
        Space alices = SpaceFixtures.aSpace().withOwner(alice).withTemplate(template).build();
        Space bobs = SpaceFixtures.aSpace().withOwner(bob).withTemplate(template).build();
        Space other = SpaceFixtures.aSpace().withOwner(alice).build();
        repository().create(alices);
        repository().create(bobs);
        repository().create(other);

        assertThat(repository().findByTemplate(template)).containsExactlyInAnyOrder(alices, bobs);
        assertThat(repository().findByTemplate(Template.MANUAL_ID)).isEmpty();
    }

    @Test
    public void updateReplacesEveryField() {
        Space original = SpaceFixtures.aSpace().withOwner(alice).build();
        repository().create(original);
        Space updated = SpaceFixtures.copyOf(original)
                .withTemplate(FixtureDefaults.anId())
                .withAltNames("renamed-alt")
                .withAgentUrl("http://10.0.0.1:3000")
                .withShell(Shell.SH)
                .withLocation("edge")
                .withTemplateHash("92eb5ffee6ae2fec3ad71c777531578f")
                .withNomadNamespace("other")
                .withNomadJobId("job-2")
                .withVolumeData(Map.of("data", new CsiVolumeRef("volume-2", "other")))
                .withVolumeSizes(Map.of("data", 20L))
                .withState(SpaceState.FAILED)
                .withStateMessage("failed to place")
                .withUpdatedAt(FixtureDefaults.NOW.plusSeconds(30))
                .build();

        repository().update(updated);

        assertThat(repository().findById(original.id())).contains(updated);
        assertThat(repository().findAll()).containsExactly(updated);
    }

    @Test
    public void renameMovesTheNameIndex() {
        Space original = SpaceFixtures.aSpace().withOwner(alice).withName("old").withAltNames("old-alt").build();
        repository().create(original);
        Space renamed = SpaceFixtures.copyOf(original).withName("new").withAltNames("new-alt").build();

        repository().update(renamed);

        assertThat(repository().findByName(alice, "old")).isEmpty();
        assertThat(repository().findByName(alice, "old-alt")).isEmpty();
        assertThat(repository().findByName(alice, "NEW")).contains(renamed);
        assertThat(repository().findByName(alice, "new-alt")).contains(renamed);
    }

    @Test
    public void renameFreesTheOldNamesForAnotherSpace() {
        Space original = SpaceFixtures.aSpace().withOwner(alice).withName("old").withAltNames("old-alt").build();
        repository().create(original);
        repository().update(SpaceFixtures.copyOf(original).withName("new").withAltNames().build());
        Space successor = SpaceFixtures.aSpace().withOwner(alice).withName("Old").withAltNames("OLD-alt").build();

        repository().create(successor);

        assertThat(repository().findByName(alice, "old")).contains(successor);
        assertThat(repository().findByName(alice, "old-alt")).contains(successor);
    }

    @Test
    public void updateMayKeepOrRecaseTheSpacesOwnNames() {
        Space original = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(original);
        Space recased = SpaceFixtures.copyOf(original).withName("DEV").withAltNames("Box").build();

        repository().update(recased);

        assertThat(repository().findByName(alice, "dev")).contains(recased);
        assertThat(repository().findByName(alice, "box")).contains(recased);
    }

    @Test
    public void updateToAnotherSpacesNameFailsAndWritesNothing() {
        Space dev = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        Space test = SpaceFixtures.aSpace().withOwner(alice).withName("test").build();
        repository().create(dev);
        repository().create(test);
        Space clash = SpaceFixtures.copyOf(test).withName("fresh").withAltNames("BOX").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().update(clash));

        assertThat(repository().findById(test.id())).contains(test);
        assertThat(repository().findByName(alice, "test")).contains(test);
        assertThat(repository().findByName(alice, "fresh")).isEmpty();
        assertThat(repository().findByName(alice, "box")).contains(dev);
    }

    @Test
    public void updateOfAnUnknownSpaceFailsAndWritesNothing() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).build();
        repository().create(existing);
        Space unknown = SpaceFixtures.aSpace().withOwner(alice).build();

        assertFailsWith(ErrorCode.NOT_FOUND, () -> repository().update(unknown));

        assertThat(repository().findById(unknown.id())).isEmpty();
        assertThat(repository().findByName(alice, unknown.name())).isEmpty();
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void updateMovesTheTemplateIndex() {
        Id<Template> oldTemplate = FixtureDefaults.anId();
        Id<Template> newTemplate = FixtureDefaults.anId();
        Space original = SpaceFixtures.aSpace().withTemplate(oldTemplate).build();
        repository().create(original);
        Space moved = SpaceFixtures.copyOf(original).withTemplate(newTemplate).build();

        repository().update(moved);

        assertThat(repository().findByTemplate(oldTemplate)).isEmpty();
        assertThat(repository().findByTemplate(newTemplate)).containsExactly(moved);
    }

    @Test
    public void deleteRemovesTheSpaceFromEveryIndexAndFreesItsNames() {
        Space space = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(space);

        repository().delete(space.id());

        assertThat(repository().findByName(alice, "dev")).isEmpty();
        assertThat(repository().findByName(alice, "box")).isEmpty();
        assertThat(repository().findByUser(alice)).isEmpty();
        assertThat(repository().findByTemplate(space.templateId())).isEmpty();
        Space successor = SpaceFixtures.aSpace().withOwner(alice).withName("box").withAltNames("dev").build();
        repository().create(successor);
        assertThat(repository().findByName(alice, "dev")).contains(successor);
    }

    @Test
    public void concurrentCreatesOfTheSameNameForOneUserLeaveExactlyOne() {
        SpaceRepository shared = repository();
        // Half of them in another case: the race must be decided on the case-insensitive name.
        List<Space> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> SpaceFixtures.aSpace()
                        .withOwner(alice)
                        .withName(index % 2 == 0 ? "dev" : "DEV")
                        .build())
                .toList();

        List<Optional<ErrorCode>> outcomes =
                Race.run(CONTENDERS, index -> errorOf(() -> shared.create(candidates.get(index))));

        assertThat(outcomes).containsOnlyOnce(Optional.empty());
        assertThat(outcomes).filteredOn(Optional::isPresent)
                .allSatisfy(outcome -> assertThat(outcome).contains(ErrorCode.ALREADY_EXISTS));
        Space winner = candidates.get(outcomes.indexOf(Optional.empty()));
        assertThat(shared.findAll()).containsExactly(winner);
        assertThat(shared.findByName(alice, "dev")).contains(winner);
    }

    @Test
    public void concurrentCreatesOfTheSameNameForDifferentUsersAllSucceed() {
        SpaceRepository shared = repository();
        List<Space> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> SpaceFixtures.aSpace().withName("dev").build())
                .toList();

        List<Optional<ErrorCode>> outcomes =
                Race.run(CONTENDERS, index -> errorOf(() -> shared.create(candidates.get(index))));

        assertThat(outcomes).containsOnly(Optional.empty());
        assertThat(shared.findAll()).containsExactlyInAnyOrderElementsOf(candidates);
    }

    @Test
    public void createWithinQuotaInsertsOnlyWhatTheCheckAllowsAndShowsItTheOwnersSpaces() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).build();
        Space othersSpace = SpaceFixtures.aSpace().withOwner(bob).build();
        repository().create(existing);
        repository().create(othersSpace);
        Space refused = SpaceFixtures.aSpace().withOwner(alice).build();
        Space allowed = SpaceFixtures.aSpace().withOwner(alice).build();

        assertThat(repository().createWithinQuota(refused, spaces -> {
            assertThat(spaces).containsExactly(existing);
            return false;
        })).isFalse();
        assertThat(repository().createWithinQuota(allowed, spaces -> spaces.size() < 2)).isTrue();

        assertThat(repository().findById(refused.id())).isEmpty();
        assertThat(repository().findByUser(alice)).containsExactlyInAnyOrder(existing, allowed);
    }

    @Test
    public void createWithinQuotaWritesNothingWhenTheCheckFailsOrTheNameIsTaken() {
        Space existing = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        repository().create(existing);

        assertFailsWith(ErrorCode.QUOTA_EXCEEDED, () -> repository().createWithinQuota(
                SpaceFixtures.aSpace().withOwner(alice).build(), spaces -> {
                    throw new KnotException(ErrorCode.QUOTA_EXCEEDED, "storage quota reached");
                }));
        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().createWithinQuota(
                SpaceFixtures.aSpace().withOwner(alice).withName("DEV").build(), spaces -> true));

        assertThat(repository().findAll()).containsExactly(existing);
    }

    /** Security test 32: twenty creates racing for the last place under a limit; exactly one gets it. */
    @Test
    public void concurrentCreatesAtTheLimitLeaveExactlyTheAllowedNumber() {
        SpaceRepository shared = repository();
        int limit = 3;
        shared.create(SpaceFixtures.aSpace().withOwner(alice).build());
        shared.create(SpaceFixtures.aSpace().withOwner(alice).build());
        List<Space> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> SpaceFixtures.aSpace().withOwner(alice).build())
                .toList();

        List<Boolean> outcomes = Race.run(CONTENDERS,
                index -> shared.createWithinQuota(candidates.get(index), spaces -> spaces.size() < limit));

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(shared.findByUser(alice)).hasSize(limit)
                .contains(candidates.get(outcomes.indexOf(true)));
    }

    @Test
    public void replaceIfUnchangedWritesWhenTheSpaceIsAsRead() {
        Space original = SpaceFixtures.aSpace().withOwner(alice).withName("dev").withAltNames("box").build();
        repository().create(original);
        Space read = repository().findById(original.id()).orElseThrow();
        Space starting = SpaceFixtures.copyOf(read)
                .withName("renamed")
                .withAltNames("other")
                .withState(SpaceState.STARTING)
                .withNomadJobId("knot-" + read.id())
                .withVolumeData(Map.of("home", new CsiVolumeRef("home-1", "default")))
                .withUpdatedAt(read.updatedAt().plusSeconds(1))
                .build();

        assertThat(repository().replaceIfUnchanged(read, starting)).isTrue();

        assertThat(repository().findById(original.id())).contains(starting);
        assertThat(repository().findByName(alice, "dev")).isEmpty();
        assertThat(repository().findByName(alice, "box")).isEmpty();
        assertThat(repository().findByName(alice, "RENAMED")).contains(starting);
        assertThat(repository().findByName(alice, "other")).contains(starting);
        assertThat(repository().findAll()).containsExactly(starting);
    }

    /** A caller compares with what it wrote itself, without reading it back: finer instants than stored. */
    @Test
    public void replaceIfUnchangedAcceptsTheSpaceAsTheCallerLastWroteIt() {
        Space original = SpaceFixtures.aSpace().build();
        repository().create(original);
        Space written = SpaceFixtures.copyOf(original)
                .withState(SpaceState.STARTING)
                .withUpdatedAt(FixtureDefaults.NOW.plusNanos(123_456_789))
                .build();
        repository().update(written);
        Space next = SpaceFixtures.copyOf(written).withState(SpaceState.STOPPING).build();

        assertThat(repository().replaceIfUnchanged(written, next)).isTrue();

        assertThat(repository().findById(original.id()).orElseThrow().state()).isEqualTo(SpaceState.STOPPING);
    }

    @Test
    public void replaceIfUnchangedFailsAndWritesNothingWhenTheStateOrTimeChangedInBetween() {
        Space read = SpaceFixtures.aSpace().build();
        repository().create(read);
        Space othersWrite = SpaceFixtures.copyOf(read).withState(SpaceState.STARTING).build();
        repository().update(othersWrite);
        Space othersLaterWrite = SpaceFixtures.copyOf(othersWrite)
                .withState(SpaceState.STOPPED)
                .withUpdatedAt(read.updatedAt().plusSeconds(5))
                .build();
        repository().update(othersLaterWrite);

        boolean replaced = repository().replaceIfUnchanged(read,
                SpaceFixtures.copyOf(read).withState(SpaceState.STARTING).withStateMessage("mine").build());

        assertThat(replaced).isFalse();
        assertThat(repository().findById(read.id())).contains(othersLaterWrite);
    }

    /** Not only the state and time: any field another writer changed makes the caller's copy stale. */
    @Test
    public void replaceIfUnchangedFailsWhenAnyOtherFieldChangedInBetween() {
        Space read = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        repository().create(read);
        Space othersWrite = SpaceFixtures.copyOf(read)
                .withVolumeData(Map.of("home", new CsiVolumeRef("home-1", "default")))
                .withAltNames("box")
                .build();
        repository().update(othersWrite);

        boolean replaced = repository().replaceIfUnchanged(read,
                SpaceFixtures.copyOf(read).withState(SpaceState.DELETING).build());

        assertThat(replaced).isFalse();
        assertThat(repository().findById(read.id())).contains(othersWrite);
        assertThat(repository().findByName(alice, "box")).contains(othersWrite);
    }

    @Test
    public void replaceIfUnchangedOfADeletedSpaceFailsAndDoesNotBringItBack() {
        Space read = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        repository().create(read);
        repository().delete(read.id());

        boolean replaced = repository().replaceIfUnchanged(read,
                SpaceFixtures.copyOf(read).withState(SpaceState.STARTING).build());

        assertThat(replaced).isFalse();
        assertThat(repository().findById(read.id())).isEmpty();
        assertThat(repository().findByName(alice, "dev")).isEmpty();
        assertThat(repository().findByUser(alice)).isEmpty();
    }

    @Test
    public void replaceIfUnchangedToAnotherSpacesNameFailsAndWritesNothing() {
        Space dev = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        Space test = SpaceFixtures.aSpace().withOwner(alice).withName("test").build();
        repository().create(dev);
        repository().create(test);

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().replaceIfUnchanged(test,
                SpaceFixtures.copyOf(test).withName("DEV").withState(SpaceState.STARTING).build()));

        assertThat(repository().findById(test.id())).contains(test);
        assertThat(repository().findByName(alice, "test")).contains(test);
        assertThat(repository().findByName(alice, "dev")).contains(dev);
    }

    @Test
    public void replaceIfUnchangedRefusesAnotherSpaceAsTheReplacement() {
        Space read = SpaceFixtures.aSpace().build();
        repository().create(read);
        Space other = SpaceFixtures.aSpace().build();

        assertThatThrownBy(() -> repository().replaceIfUnchanged(read, other))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(repository().findAll()).containsExactly(read);
    }

    /**
     * Two servers that read the same space and both act on it: exactly one write wins, whole. Several rounds, each
     * from the previous winner, because a store whose check and write are two steps may get away with one.
     */
    @Test
    public void concurrentReplacementsOfTheSameReadLeaveExactlyOneWinner() {
        SpaceRepository shared = repository();
        Space read = SpaceFixtures.aSpace().withOwner(alice).withName("dev").build();
        shared.create(read);
        for (int round = 0; round < ROUNDS; round++) {
            Space expected = read;
            String roundName = "round " + round;
            List<Space> replacements = IntStream.range(0, CONTENDERS)
                    .mapToObj(index -> SpaceFixtures.copyOf(expected)
                            .withStateMessage(roundName + ", contender " + index)
                            .withAltNames("alt-" + index)
                            .build())
                    .toList();

            List<Boolean> outcomes = Race.run(CONTENDERS,
                    index -> shared.replaceIfUnchanged(expected, replacements.get(index)));

            assertThat(outcomes).containsOnlyOnce(true);
            Space winner = replacements.get(outcomes.indexOf(true));
            assertThat(shared.findById(read.id())).contains(winner);
            assertThat(shared.findByUser(alice)).containsExactly(winner);
            for (int index = 0; index < CONTENDERS; index++) {
                assertThat(shared.findByName(alice, "alt-" + index))
                        .isEqualTo(outcomes.get(index) ? Optional.of(winner) : Optional.empty());
            }
            read = winner;
        }
    }

    private void assertNothingWrittenFor(Space rejected, Space existing) {
        assertThat(repository().findById(rejected.id())).isEmpty();
        assertThat(repository().findById(existing.id())).contains(existing);
        assertThat(repository().findByUser(rejected.userId())).containsExactly(existing);
        for (String name : existing.allNames()) {
            assertThat(repository().findByName(existing.userId(), name)).contains(existing);
        }
        assertThat(repository().findAll()).containsExactly(existing);
    }
}
