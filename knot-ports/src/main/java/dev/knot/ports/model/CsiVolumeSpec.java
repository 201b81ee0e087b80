package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A CSI volume to create in the scheduler, as knot's volume YAML describes it (reference §3.1 CSIVolume).
 *
 * @param capacityMin bytes, 0 when not given
 * @param capacityMax bytes, 0 when not given
 */
public record CsiVolumeSpec(
        String id,
        String name,
        String namespace,
        String pluginId,
        String type,
        String fsType,
        List<String> mountFlags,
        long capacityMin,
        long capacityMax,
        List<Capability> capabilities,
        Map<String, String> secrets,
        Map<String, String> parameters) {
    public CsiVolumeSpec {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(pluginId, "pluginId is null");
        requireNonNull(type, "type is null");
        requireNonNull(fsType, "fsType is null");
        mountFlags = List.copyOf(requireNonNull(mountFlags, "mountFlags is null"));
        capabilities = List.copyOf(requireNonNull(capabilities, "capabilities is null"));
        secrets = Map.copyOf(requireNonNull(secrets, "secrets is null"));
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        if (capacityMin < 0 || capacityMax < 0) {
            throw KnotException.invalid("capacity must not be negative");
        }
    }

    /** One access/attachment mode pair the volume must support. */
    public record Capability(String accessMode, String attachmentMode) {
        public Capability {
            requireNonNull(accessMode, "accessMode is null");
            requireNonNull(attachmentMode, "attachmentMode is null");
        }
    }

    @Override
    public String toString() {
        // Secrets never print.
        return "CsiVolumeSpec[id=" + id + ", namespace=" + namespace + ", plugin=" + pluginId + "]";
    }
}
