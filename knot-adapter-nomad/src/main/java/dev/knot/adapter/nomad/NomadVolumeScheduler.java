package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.VolumeScheduler;
import jakarta.inject.Inject;
import java.util.Map;

/** CSI volumes over plain HTTP: the SDK can only list and read them (nomad-api.md §1.3). */
final class NomadVolumeScheduler implements VolumeScheduler {
    /** Nomad's answer to /delete of a missing volume is a 500 with this text, not a 404 (nomad-api.md §2.3.8). */
    private static final String VOLUME_NOT_FOUND = "volume not found";

    private final NomadCalls calls;

    @Inject
    NomadVolumeScheduler(NomadCalls calls) {
        this.calls = requireNonNull(calls, "calls is null");
    }

    @Override
    public void createCsiVolume(CsiVolumeSpec volume) {
        requireNonNull(volume, "volume is null");
        // Nomad's create of an existing id quietly updates that volume; the port promises ALREADY_EXISTS.
        if (exists(volume.namespace(), volume.id())) {
            throw KnotException.alreadyExists(
                    "CSI volume " + volume.id() + " already exists in Nomad (namespace " + volume.namespace() + ")");
        }
        ObjectNode request = Json.newObject();
        request.putArray("Volumes").add(definition(volume));
        try {
            // The namespace goes in the query too: Nomad checks the token's rights in the query's namespace.
            calls.send(NomadOperation.CREATE_VOLUME, "PUT", volumePath(volume.id()) + "/create", volume.namespace(),
                    Json.write(request));
        } catch (NomadRejection rejection) {
            throw calls.failures().rejected(NomadOperation.CREATE_VOLUME, volume.namespace(), rejection);
        }
    }

    @Override
    public void deleteCsiVolume(String namespace, String volumeId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(volumeId, "volumeId is null");
        try {
            calls.send(NomadOperation.DELETE_VOLUME, "DELETE", volumePath(volumeId) + "/delete", namespace, null);
        } catch (NomadRejection rejection) {
            boolean alreadyGone = rejection.isNotFound()
                    || (rejection.status() == 500 && rejection.text().contains(VOLUME_NOT_FOUND));
            if (!alreadyGone) {
                throw calls.failures().rejected(NomadOperation.DELETE_VOLUME, namespace, rejection);
            }
        }
    }

    private boolean exists(String namespace, String volumeId) {
        try {
            calls.send(NomadOperation.READ_VOLUME, "GET", volumePath(volumeId), namespace, null);
            return true;
        } catch (NomadRejection rejection) {
            if (rejection.isNotFound()) {
                return false;
            }
            throw calls.failures().rejected(NomadOperation.READ_VOLUME, namespace, rejection);
        }
    }

    /** The volume as knot v0.9 sends it (reference §5.6). */
    private static ObjectNode definition(CsiVolumeSpec volume) {
        ObjectNode definition = Json.newObject();
        definition.put("ID", volume.id());
        definition.put("Name", volume.name());
        definition.put("Namespace", volume.namespace());
        definition.put("PluginID", volume.pluginId());
        definition.put("Type", volume.type());
        ObjectNode mountOptions = definition.putObject("MountOptions");
        mountOptions.put("FsType", volume.fsType());
        ArrayNode flags = mountOptions.putArray("MountFlags");
        volume.mountFlags().forEach(flags::add);
        definition.put("RequestedCapacityMin", volume.capacityMin());
        definition.put("RequestedCapacityMax", volume.capacityMax());
        ArrayNode capabilities = definition.putArray("RequestedCapabilities");
        for (CsiVolumeSpec.Capability capability : volume.capabilities()) {
            ObjectNode entry = capabilities.addObject();
            entry.put("AccessMode", capability.accessMode());
            entry.put("AttachmentMode", capability.attachmentMode());
        }
        putAll(definition.putObject("Secrets"), volume.secrets());
        putAll(definition.putObject("Parameters"), volume.parameters());
        return definition;
    }

    private static void putAll(ObjectNode target, Map<String, String> values) {
        values.forEach(target::put);
    }

    private static String volumePath(String volumeId) {
        return "/v1/volume/csi/" + volumeId;
    }
}
