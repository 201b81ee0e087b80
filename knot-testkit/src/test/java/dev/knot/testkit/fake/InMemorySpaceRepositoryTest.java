package dev.knot.testkit.fake;

import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.contract.SpaceRepositoryContract;

class InMemorySpaceRepositoryTest extends SpaceRepositoryContract {
    @Override
    protected SpaceRepository newRepository() {
        return new InMemorySpaceRepository();
    }
}
