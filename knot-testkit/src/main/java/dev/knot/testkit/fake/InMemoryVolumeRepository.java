package dev.knot.testkit.fake;

import dev.knot.ports.model.Volume;
import dev.knot.ports.out.VolumeRepository;

/** A {@link VolumeRepository} in memory. Thread-safe. */
public final class InMemoryVolumeRepository extends InMemorySimpleRepository<Volume>
        implements VolumeRepository {
    public InMemoryVolumeRepository() {
        super(Volume::id);
    }
}
