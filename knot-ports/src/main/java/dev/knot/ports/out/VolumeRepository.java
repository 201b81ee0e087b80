package dev.knot.ports.out;

import dev.knot.ports.model.Volume;

/** Durable storage of {@link Volume}s. */
public interface VolumeRepository extends SimpleRepository<Volume> {}
