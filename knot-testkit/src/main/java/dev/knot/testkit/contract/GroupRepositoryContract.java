package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.out.GroupRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.GroupFixtures;
import org.junit.jupiter.api.Test;

/** The contract of {@link GroupRepository}. */
public abstract class GroupRepositoryContract extends SimpleRepositoryContract<Group, GroupRepository> {
    protected GroupRepositoryContract() {
        super(GroupRepository.class);
    }

    @Override
    protected final Group anEntity() {
        return GroupFixtures.aGroup().build();
    }

    @Override
    protected final Id<Group> idOf(Group group) {
        return group.id();
    }

    @Override
    protected final Group changed(Group group) {
        return GroupFixtures.copyOf(group)
                .withName(group.name() + " renamed")
                .withAudit(FixtureDefaults.updatedLater(group.audit()))
                .build();
    }

    @Test
    public void unicodeNameSurvivesTheRoundTrip() {
        Group group = GroupFixtures.aGroup().withName("Ëquipe 開発 🚀").build();

        repository().save(group);

        assertThat(repository().findById(group.id())).contains(group);
    }

    @Test
    public void twoGroupsMayShareAName() {
        Group first = GroupFixtures.aGroup().withName("developers").build();
        Group second = GroupFixtures.aGroup().withName("developers").build();

        repository().save(first);
        repository().save(second);

        assertThat(repository().findAll()).containsExactlyInAnyOrder(first, second);
    }
}
