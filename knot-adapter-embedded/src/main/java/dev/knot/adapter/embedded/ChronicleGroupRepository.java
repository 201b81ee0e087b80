package dev.knot.adapter.embedded;

import dev.knot.ports.model.Group;
import dev.knot.ports.out.GroupRepository;
import jakarta.inject.Inject;

/** Groups in the embedded store. */
final class ChronicleGroupRepository extends ChronicleSimpleRepository<Group> implements GroupRepository {
    @Inject
    ChronicleGroupRepository(EmbeddedStore store) {
        super(store, StoreCollections::groups);
    }
}
