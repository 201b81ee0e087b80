package dev.knot.testkit.fake;

import dev.knot.ports.out.VolumeRepository;
import dev.knot.testkit.contract.VolumeRepositoryContract;

class InMemoryVolumeRepositoryTest extends VolumeRepositoryContract {
    @Override
    protected VolumeRepository newRepository() {
        return new InMemoryVolumeRepository();
    }
}
