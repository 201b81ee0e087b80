package dev.knot.testkit.fake;

import dev.knot.ports.model.Group;
import dev.knot.ports.out.GroupRepository;

/** A {@link GroupRepository} in memory. Thread-safe. */
public final class InMemoryGroupRepository extends InMemorySimpleRepository<Group>
        implements GroupRepository {
    public InMemoryGroupRepository() {
        super(Group::id);
    }
}
