package dev.knot.adapter.embedded;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import java.util.HashMap;
import java.util.Map;

/** Stores a {@link Space}; its state by name. */
final class SpaceCodec implements RecordCodec<Space> {
    @Override
    public void write(Space space, RecordWriter writer) {
        writer.id(space.id())
                .id(space.userId())
                .id(space.templateId())
                .string(space.name())
                .strings(space.altNames())
                .string(space.agentUrl())
                .string(space.shell().value())
                .string(space.location())
                .string(space.templateHash())
                .string(space.nomadNamespace())
                .string(space.nomadJobId());
        writer.integer(space.volumeData().size());
        space.volumeData().forEach((volumeId, volume) -> writer.string(volumeId).string(volume.id()).string(volume.namespace()));
        writer.integer(space.volumeSizes().size());
        space.volumeSizes().forEach((volumeId, size) -> writer.string(volumeId).longInteger(size));
        writer.string(space.state().name())
                .string(space.stateMessage())
                .instant(space.createdAt())
                .instant(space.updatedAt());
    }

    @Override
    public Space read(RecordReader reader) {
        return new Space(
                reader.id(),
                reader.id(),
                reader.id(),
                reader.string(),
                reader.strings(),
                reader.string(),
                ShellValues.parse(reader.string()),
                reader.string(),
                reader.string(),
                reader.string(),
                reader.string(),
                volumeData(reader),
                volumeSizes(reader),
                SpaceState.valueOf(reader.string()),
                reader.string(),
                reader.instant(),
                reader.instant());
    }

    private static Map<String, CsiVolumeRef> volumeData(RecordReader reader) {
        int count = reader.count();
        Map<String, CsiVolumeRef> volumes = new HashMap<>();
        for (int index = 0; index < count; index++) {
            String volumeId = reader.string();
            volumes.put(volumeId, new CsiVolumeRef(reader.string(), reader.string()));
        }
        return volumes;
    }

    private static Map<String, Long> volumeSizes(RecordReader reader) {
        int count = reader.count();
        Map<String, Long> sizes = new HashMap<>();
        for (int index = 0; index < count; index++) {
            String volumeId = reader.string();
            sizes.put(volumeId, reader.longInteger());
        }
        return sizes;
    }
}
