package dev.knot.testkit.contract;

import static dev.knot.testkit.contract.KnotErrors.assertFailsWith;
import static dev.knot.testkit.contract.KnotErrors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import dev.knot.ports.out.UserRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.UserFixtures;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UserRepository}: usernames and emails are unique case-insensitively, a rejected write
 * leaves nothing behind, the indexes follow updates and deletes, and the first user is made atomically.
 */
public abstract class UserRepositoryContract extends EntityRepositoryContract<User, UserRepository> {
    private static final int CONTENDERS = 20;

    protected UserRepositoryContract() {
        super(UserRepository.class);
    }

    @Override
    protected final User anEntity() {
        return UserFixtures.aUser().build();
    }

    @Override
    protected final Id<User> idOf(User user) {
        return user.id();
    }

    @Override
    protected final void insert(UserRepository repository, User user) {
        repository.create(user);
    }

    @Test
    public void everyFieldSurvivesTheRoundTrip() {
        User user = UserFixtures.aUser()
                .withUsername("Zoe-Dev")
                .withEmail("zoe.dev+knot@example.co.uk")
                .withPasswordHash(new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"))
                .withServicePassword(new EncryptedValue("djE6c2VydmljZS1wYXNzd29yZA=="))
                .withSshPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKey Zoë's key 🔑")
                .withGithubUsername("zoë-gh")
                .withRoles(EnumSet.allOf(Role.class))
                .withGroups(FixtureDefaults.anId(), FixtureDefaults.anId())
                .inactive()
                .withMaxSpaces(7)
                .withMaxDiskSpace(1_000_000)
                .withPreferredShell(Shell.FISH)
                .withTimezone("Europe/Berlin")
                .withLastLoginAt(FixtureDefaults.NOW.plusSeconds(3600))
                .withCreatedAt(FixtureDefaults.NOW.minusSeconds(86_400))
                .withUpdatedAt(FixtureDefaults.NOW)
                .build();

        repository().create(user);

        assertThat(repository().findById(user.id())).contains(user);
    }

    @Test
    public void emptyStringsEmptySetsAndNoLastLoginSurviveTheRoundTrip() {
        User user = UserFixtures.aUser()
                .withSshPublicKey("")
                .withGithubUsername("")
                .withRoles(EnumSet.noneOf(Role.class))
                .withGroups()
                .withLastLoginAt(null)
                .build();

        repository().create(user);

        User found = repository().findById(user.id()).orElseThrow();
        assertThat(found).isEqualTo(user);
        assertThat(found.lastLogin()).isEmpty();
    }

    @Test
    public void sshKeyOfTheMaximumLengthSurvivesTheRoundTrip() {
        User user = UserFixtures.aUser().withSshPublicKey("k".repeat(User.MAXIMUM_SSH_KEY_LENGTH)).build();

        repository().create(user);

        assertThat(repository().findById(user.id())).contains(user);
    }

    @Test
    public void findByUsernameIgnoresCase() {
        User user = UserFixtures.aUser().withUsername("Alice").build();
        repository().create(user);
        repository().create(UserFixtures.aUser().build());

        assertThat(repository().findByUsername("Alice")).contains(user);
        assertThat(repository().findByUsername("alice")).contains(user);
        assertThat(repository().findByUsername("ALICE")).contains(user);
    }

    @Test
    public void findByEmailIgnoresCase() {
        User user = UserFixtures.aUser().withEmail("Alice@Example.com").build();
        repository().create(user);
        repository().create(UserFixtures.aUser().build());

        assertThat(repository().findByEmail("Alice@Example.com")).contains(user);
        assertThat(repository().findByEmail("alice@example.com")).contains(user);
        assertThat(repository().findByEmail("ALICE@EXAMPLE.COM")).contains(user);
    }

    @Test
    public void findByUsernameAndEmailOfUnknownValuesAreEmpty() {
        repository().create(UserFixtures.aUser().build());

        assertThat(repository().findByUsername("nobody")).isEmpty();
        assertThat(repository().findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    public void createWithATakenIdFailsAndWritesNothing() {
        User existing = UserFixtures.aUser().build();
        repository().create(existing);
        User sameId = UserFixtures.aUser().withId(existing.id()).build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(sameId));

        assertThat(repository().findById(existing.id())).contains(existing);
        assertThat(repository().findByUsername(sameId.username())).isEmpty();
        assertThat(repository().findByEmail(sameId.email())).isEmpty();
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void createWithATakenUsernameInAnotherCaseFailsAndWritesNothing() {
        User existing = UserFixtures.aUser().withUsername("alice").build();
        repository().create(existing);
        User clash = UserFixtures.aUser().withUsername("ALICE").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertThat(repository().findById(clash.id())).isEmpty();
        assertThat(repository().findByEmail(clash.email())).isEmpty();
        assertThat(repository().findByUsername("alice")).contains(existing);
        assertThat(repository().findByEmail(existing.email())).contains(existing);
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void createWithATakenEmailInAnotherCaseFailsAndWritesNothing() {
        User existing = UserFixtures.aUser().withEmail("alice@example.com").build();
        repository().create(existing);
        User clash = UserFixtures.aUser().withEmail("Alice@EXAMPLE.com").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));

        assertThat(repository().findById(clash.id())).isEmpty();
        assertThat(repository().findByUsername(clash.username())).isEmpty();
        assertThat(repository().findByEmail("alice@example.com")).contains(existing);
        assertThat(repository().findByUsername(existing.username())).contains(existing);
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void aRejectedCreateDoesNotBlockLaterCreatesWithItsOtherValues() {
        User existing = UserFixtures.aUser().withUsername("alice").build();
        repository().create(existing);
        User clash = UserFixtures.aUser().withUsername("alice").withEmail("bob@example.com").build();
        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().create(clash));
        User bob = UserFixtures.aUser().withId(clash.id()).withUsername("bob").withEmail("bob@example.com").build();

        repository().create(bob);

        assertThat(repository().findByEmail("bob@example.com")).contains(bob);
        assertThat(repository().findByUsername("bob")).contains(bob);
        assertThat(repository().findByUsername("alice")).contains(existing);
    }

    @Test
    public void updateReplacesEveryFieldAndMovesTheEmailIndex() {
        User original = UserFixtures.aUser().withEmail("old@example.com").build();
        repository().create(original);
        User updated = UserFixtures.copyOf(original)
                .withEmail("new@example.com")
                .withPasswordHash(new PasswordHash("another-hash"))
                .withServicePassword(new EncryptedValue("another-ciphertext"))
                .withSshPublicKey("ssh-ed25519 AAAA new")
                .withGithubUsername("octocat")
                .withRoles(Role.USER_MANAGER, Role.SPACE_MANAGER)
                .withGroups(FixtureDefaults.anId())
                .withActive(!original.active())
                .withMaxSpaces(3)
                .withMaxDiskSpace(50)
                .withPreferredShell(Shell.ZSH)
                .withTimezone("America/New_York")
                .withLastLoginAt(FixtureDefaults.NOW.plusSeconds(10))
                .withUpdatedAt(FixtureDefaults.NOW.plusSeconds(20))
                .build();

        repository().update(updated);

        assertThat(repository().findById(original.id())).contains(updated);
        assertThat(repository().findByEmail("old@example.com")).isEmpty();
        assertThat(repository().findByEmail("new@example.com")).contains(updated);
        assertThat(repository().findByUsername(original.username())).contains(updated);
        assertThat(repository().findAll()).containsExactly(updated);
    }

    @Test
    public void updateCanClearTheLastLogin() {
        User original = UserFixtures.aUser().withLastLoginAt(FixtureDefaults.NOW).build();
        repository().create(original);
        User updated = UserFixtures.copyOf(original).withLastLoginAt(null).build();

        repository().update(updated);

        assertThat(repository().findById(original.id())).contains(updated);
    }

    @Test
    public void updateFreesTheOldEmailForAnotherUser() {
        User original = UserFixtures.aUser().withEmail("old@example.com").build();
        repository().create(original);
        repository().update(UserFixtures.copyOf(original).withEmail("new@example.com").build());
        User newcomer = UserFixtures.aUser().withEmail("OLD@example.com").build();

        repository().create(newcomer);

        assertThat(repository().findByEmail("old@example.com")).contains(newcomer);
    }

    @Test
    public void updateMovesTheUsernameIndex() {
        User original = UserFixtures.aUser().withUsername("old-name").build();
        repository().create(original);
        User renamed = UserFixtures.copyOf(original).withUsername("new-name").build();

        repository().update(renamed);

        assertThat(repository().findByUsername("old-name")).isEmpty();
        assertThat(repository().findByUsername("NEW-name")).contains(renamed);
    }

    @Test
    public void updateMayChangeTheCaseOfTheUsersOwnEmail() {
        User original = UserFixtures.aUser().withEmail("alice@example.com").build();
        repository().create(original);
        User updated = UserFixtures.copyOf(original).withEmail("Alice@Example.com").build();

        repository().update(updated);

        assertThat(repository().findByEmail("alice@example.com")).contains(updated);
        assertThat(repository().findById(original.id())).contains(updated);
    }

    @Test
    public void updateOfAnUnknownUserFailsAndWritesNothing() {
        User existing = UserFixtures.aUser().build();
        repository().create(existing);
        User unknown = UserFixtures.aUser().build();

        assertFailsWith(ErrorCode.NOT_FOUND, () -> repository().update(unknown));

        assertThat(repository().findById(unknown.id())).isEmpty();
        assertThat(repository().findByUsername(unknown.username())).isEmpty();
        assertThat(repository().findByEmail(unknown.email())).isEmpty();
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void updateToAnotherUsersEmailFailsAndWritesNothing() {
        User alice = UserFixtures.aUser().withEmail("alice@example.com").build();
        User bob = UserFixtures.aUser().withEmail("bob@example.com").build();
        repository().create(alice);
        repository().create(bob);
        User bobWithAlicesEmail = UserFixtures.copyOf(bob).withEmail("ALICE@example.com").withMaxSpaces(9).build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().update(bobWithAlicesEmail));

        assertThat(repository().findById(bob.id())).contains(bob);
        assertThat(repository().findByEmail("alice@example.com")).contains(alice);
        assertThat(repository().findByEmail("bob@example.com")).contains(bob);
    }

    @Test
    public void updateToAnotherUsersUsernameFailsAndWritesNothing() {
        User alice = UserFixtures.aUser().withUsername("alice").build();
        User bob = UserFixtures.aUser().withUsername("bob").build();
        repository().create(alice);
        repository().create(bob);
        User bobNamedAlice = UserFixtures.copyOf(bob).withUsername("Alice").withEmail("bob2@example.com").build();

        assertFailsWith(ErrorCode.ALREADY_EXISTS, () -> repository().update(bobNamedAlice));

        assertThat(repository().findById(bob.id())).contains(bob);
        assertThat(repository().findByUsername("alice")).contains(alice);
        assertThat(repository().findByUsername("bob")).contains(bob);
        assertThat(repository().findByEmail("bob2@example.com")).isEmpty();
    }

    @Test
    public void deleteFreesTheUsernameAndEmail() {
        User deleted = UserFixtures.aUser().withUsername("alice").withEmail("alice@example.com").build();
        repository().create(deleted);

        repository().delete(deleted.id());

        assertThat(repository().findByUsername("alice")).isEmpty();
        assertThat(repository().findByEmail("alice@example.com")).isEmpty();
        User successor = UserFixtures.aUser().withUsername("Alice").withEmail("Alice@example.com").build();
        repository().create(successor);
        assertThat(repository().findByUsername("alice")).contains(successor);
        assertThat(repository().findByEmail("alice@example.com")).contains(successor);
    }

    @Test
    public void hasUsersFollowsCreatesAndDeletes() {
        assertThat(repository().hasUsers()).isFalse();

        User user = UserFixtures.aUser().build();
        repository().create(user);
        assertThat(repository().hasUsers()).isTrue();

        repository().delete(user.id());
        assertThat(repository().hasUsers()).isFalse();
    }

    @Test
    public void createIfNoUsersCreatesTheFirstUser() {
        User admin = UserFixtures.anAdmin().build();

        assertThat(repository().createIfNoUsers(admin)).isTrue();

        assertThat(repository().findById(admin.id())).contains(admin);
        assertThat(repository().findByUsername(admin.username())).contains(admin);
        assertThat(repository().findByEmail(admin.email())).contains(admin);
        assertThat(repository().hasUsers()).isTrue();
    }

    @Test
    public void createIfNoUsersWritesNothingWhenAUserExists() {
        User existing = UserFixtures.aUser().build();
        repository().create(existing);
        User admin = UserFixtures.anAdmin().build();

        assertThat(repository().createIfNoUsers(admin)).isFalse();

        assertThat(repository().findById(admin.id())).isEmpty();
        assertThat(repository().findByUsername(admin.username())).isEmpty();
        assertThat(repository().findAll()).containsExactly(existing);
    }

    @Test
    public void createIfNoUsersLetsExactlyOneOfManyConcurrentCallersWin() {
        UserRepository shared = repository();
        List<User> candidates = distinctUsers();

        List<Boolean> outcomes = Race.run(CONTENDERS, index -> shared.createIfNoUsers(candidates.get(index)));

        assertThat(outcomes).containsOnlyOnce(true);
        User winner = candidates.get(outcomes.indexOf(true));
        assertThat(shared.findAll()).containsExactly(winner);
    }

    @Test
    public void concurrentCreatesOfTheSameUsernameLeaveExactlyOne() {
        UserRepository shared = repository();
        // Half of them in another case: the race must be decided on the case-insensitive name.
        List<User> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> UserFixtures.aUser().withUsername(index % 2 == 0 ? "alice" : "ALICE").build())
                .toList();

        List<Optional<ErrorCode>> outcomes =
                Race.run(CONTENDERS, index -> errorOf(() -> shared.create(candidates.get(index))));

        assertExactlyOneWon(outcomes);
        User winner = candidates.get(outcomes.indexOf(Optional.empty()));
        assertThat(shared.findAll()).containsExactly(winner);
        assertThat(shared.findByUsername("alice")).contains(winner);
        assertThat(shared.findByEmail(winner.email())).contains(winner);
    }

    @Test
    public void concurrentCreatesOfTheSameEmailLeaveExactlyOne() {
        UserRepository shared = repository();
        List<User> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> UserFixtures.aUser()
                        .withEmail(index % 2 == 0 ? "same@example.com" : "SAME@Example.com")
                        .build())
                .toList();

        List<Optional<ErrorCode>> outcomes =
                Race.run(CONTENDERS, index -> errorOf(() -> shared.create(candidates.get(index))));

        assertExactlyOneWon(outcomes);
        User winner = candidates.get(outcomes.indexOf(Optional.empty()));
        assertThat(shared.findAll()).containsExactly(winner);
        assertThat(shared.findByEmail("same@example.com")).contains(winner);
        assertThat(shared.findByUsername(winner.username())).contains(winner);
    }

    private static void assertExactlyOneWon(List<Optional<ErrorCode>> outcomes) {
        assertThat(outcomes).containsOnlyOnce(Optional.empty());
        assertThat(outcomes).filteredOn(Optional::isPresent)
                .allSatisfy(outcome -> assertThat(outcome).contains(ErrorCode.ALREADY_EXISTS));
    }

    private static List<User> distinctUsers() {
        return IntStream.range(0, CONTENDERS).mapToObj(index -> UserFixtures.aUser().build()).toList();
    }
}
