package dev.knot.adapter.embedded;

import dev.knot.ports.model.Volume;

/** Stores a {@link Volume}. */
final class VolumeCodec implements RecordCodec<Volume> {
    @Override
    public void write(Volume volume, RecordWriter writer) {
        writer.id(volume.id())
                .string(volume.name())
                .string(volume.definition())
                .string(volume.location())
                .bool(volume.active())
                .audit(volume.audit());
    }

    @Override
    public Volume read(RecordReader reader) {
        return new Volume(reader.id(), reader.string(), reader.string(), reader.string(), reader.bool(),
                reader.audit());
    }
}
