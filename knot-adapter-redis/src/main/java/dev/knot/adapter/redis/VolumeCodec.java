package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Volume;

final class VolumeCodec implements RecordCodec<Volume> {
    @Override
    public String noun() {
        return "volume";
    }

    @Override
    public ObjectNode write(Volume volume) {
        ObjectNode node = Json.object();
        node.put("volume_id", volume.id().value());
        node.put("name", volume.name());
        node.put("definition", volume.definition());
        node.put("location", volume.location());
        node.put("active", volume.active());
        AuditFields.write(node, volume.audit());
        return node;
    }

    @Override
    public Volume read(StoredObject stored) {
        return new Volume(stored.id("volume_id"), stored.text("name"), stored.text("definition"),
                stored.text("location"), stored.bool("active"), AuditFields.read(stored));
    }
}
