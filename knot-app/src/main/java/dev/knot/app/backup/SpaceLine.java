package dev.knot.app.backup;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Space;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A space as a backup line ("kind": "space"); maps are written sorted by key. */
record SpaceLine(
        String id,
        String userId,
        String templateId,
        String name,
        List<String> altNames,
        String agentUrl,
        String shell,
        String location,
        String templateHash,
        String nomadNamespace,
        String nomadJobId,
        Map<String, CsiVolume> volumeData,
        Map<String, Long> volumeSizes,
        String state,
        String stateMessage,
        String createdAt,
        String updatedAt) implements RecordLine {
    /** A CSI volume made for the space: {"id": ..., "namespace": ...}. */
    record CsiVolume(String id, String namespace) {}

    static SpaceLine of(Space space) {
        Map<String, CsiVolume> volumeData = new TreeMap<>();
        space.volumeData().forEach((key, volume) ->
                volumeData.put(key, new CsiVolume(volume.id(), volume.namespace())));
        return new SpaceLine(space.id().value(), space.userId().value(), space.templateId().value(), space.name(),
                space.altNames(), space.agentUrl(), space.shell().value(), space.location(), space.templateHash(),
                space.nomadNamespace(), space.nomadJobId(), volumeData, new TreeMap<>(space.volumeSizes()),
                space.state().name(), space.stateMessage(), LineValues.text(space.createdAt()),
                LineValues.text(space.updatedAt()));
    }

    @Override
    public Space toModel() {
        Map<String, CsiVolumeRef> volumes = new TreeMap<>();
        LineValues.required("volume_data", volumeData).forEach((key, volume) -> volumes.put(key,
                new CsiVolumeRef(LineValues.required("volume_data", volume).id(), volume.namespace())));
        return new Space(LineValues.id("id", id), LineValues.id("user_id", userId),
                LineValues.id("template_id", templateId), name, altNames, agentUrl, LineValues.shell("shell", shell),
                location, templateHash, nomadNamespace, nomadJobId, volumes, volumeSizes,
                LineValues.spaceState("state", state), stateMessage, LineValues.instant("created_at", createdAt),
                LineValues.instant("updated_at", updatedAt));
    }
}
