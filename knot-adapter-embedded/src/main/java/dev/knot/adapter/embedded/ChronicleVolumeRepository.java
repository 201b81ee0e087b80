package dev.knot.adapter.embedded;

import dev.knot.ports.model.Volume;
import dev.knot.ports.out.VolumeRepository;
import jakarta.inject.Inject;

/** Volumes in the embedded store. */
final class ChronicleVolumeRepository extends ChronicleSimpleRepository<Volume> implements VolumeRepository {
    @Inject
    ChronicleVolumeRepository(EmbeddedStore store) {
        super(store, StoreCollections::volumes);
    }
}
