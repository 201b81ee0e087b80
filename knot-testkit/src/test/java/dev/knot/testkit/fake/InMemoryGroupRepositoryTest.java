package dev.knot.testkit.fake;

import dev.knot.ports.out.GroupRepository;
import dev.knot.testkit.contract.GroupRepositoryContract;

class InMemoryGroupRepositoryTest extends GroupRepositoryContract {
    @Override
    protected GroupRepository newRepository() {
        return new InMemoryGroupRepository();
    }
}
