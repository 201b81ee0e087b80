package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Alternative names keep their order; maps are written sorted so that equal spaces store equal text. */
final class SpaceCodec implements RecordCodec<Space> {
    @Override
    public String noun() {
        return "space";
    }

    @Override
    public ObjectNode write(Space space) {
        ObjectNode node = Json.object();
        node.put("space_id", space.id().value());
        node.put("user_id", space.userId().value());
        node.put("template_id", space.templateId().value());
        node.put("name", space.name());
        ArrayNode altNames = Json.array();
        space.altNames().forEach(altNames::add);
        node.set("alt_names", altNames);
        node.put("agent_url", space.agentUrl());
        node.put("shell", space.shell().value());
        node.put("location", space.location());
        node.put("template_hash", space.templateHash());
        node.put("nomad_namespace", space.nomadNamespace());
        node.put("nomad_job_id", space.nomadJobId());
        ObjectNode volumeData = Json.object();
        new TreeMap<>(space.volumeData()).forEach((volumeId, reference) -> {
            ObjectNode volume = Json.object();
            volume.put("id", reference.id());
            volume.put("namespace", reference.namespace());
            volumeData.set(volumeId, volume);
        });
        node.set("volume_data", volumeData);
        ObjectNode volumeSizes = Json.object();
        new TreeMap<>(space.volumeSizes()).forEach(volumeSizes::put);
        node.set("volume_sizes", volumeSizes);
        node.put("state", space.state().name().toLowerCase(Locale.ROOT));
        node.put("state_message", space.stateMessage());
        node.put("created_at", space.createdAt().toString());
        node.put("updated_at", space.updatedAt().toString());
        return node;
    }

    @Override
    public Space read(StoredObject stored) {
        Map<String, CsiVolumeRef> volumeData = new LinkedHashMap<>();
        stored.objects("volume_data").forEach((volumeId, volume) ->
                volumeData.put(volumeId, new CsiVolumeRef(volume.text("id"), volume.text("namespace"))));
        return new Space(
                stored.id("space_id"),
                stored.id("user_id"),
                stored.id("template_id"),
                stored.text("name"),
                stored.texts("alt_names"),
                stored.text("agent_url"),
                Shells.read(stored, "shell"),
                stored.text("location"),
                stored.text("template_hash"),
                stored.text("nomad_namespace"),
                stored.text("nomad_job_id"),
                volumeData,
                stored.numbersByName("volume_sizes"),
                state(stored),
                stored.text("state_message"),
                stored.instant("created_at"),
                stored.instant("updated_at"));
    }

    private static SpaceState state(StoredObject stored) {
        String name = stored.text("state");
        try {
            return SpaceState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw stored.unreadable("field state holds an unknown state " + name);
        }
    }
}
