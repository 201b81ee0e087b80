package dev.knot.domain.volume;

import static java.lang.String.format;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.KnotException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * knot's volume YAML (reference §3.1 CSIVolume): {@code volumes: [ {id, name, namespace, plugin_id, type,
 * mount_options {fs_type, mount_flags}, capacity_min, capacity_max, capabilities [{access_mode, attachment_mode}],
 * secrets, parameters} ]}. Keys it does not know are ignored, as the original's YAML decoding ignored them.
 */
public final class VolumeDefinitions {
    public static final long BYTES_PER_GB = 1024L * 1024 * 1024;
    private static final Pattern CAPACITY = Pattern.compile("^(\\d+)\\s*([GMKB]?)$");

    private VolumeDefinitions() {}

    /** The volumes the YAML defines, in order; none for an empty text. */
    public static List<CsiVolumeSpec> parse(String sourceName, String yaml) {
        Object root = YamlSubset.read(sourceName, yaml);
        if (root == null) {
            return List.of();
        }
        Map<String, Object> document = mapping(sourceName, root, "the document");
        Object volumes = document.get("volumes");
        if (volumes == null) {
            return List.of();
        }
        if (!(volumes instanceof List<?> entries)) {
            throw invalid(sourceName, "volumes must be a list");
        }
        List<CsiVolumeSpec> specs = new ArrayList<>();
        for (Object entry : entries) {
            specs.add(volume(sourceName, mapping(sourceName, entry, "a volume")));
        }
        return specs;
    }

    /**
     * The volume as a space creates it: a size chosen in GB (greater than 0) sets both capacities, as the
     * original did.
     */
    public static CsiVolumeSpec withSize(CsiVolumeSpec volume, long sizeGb) {
        if (sizeGb <= 0) {
            return volume;
        }
        long bytes = Math.multiplyExact(sizeGb, BYTES_PER_GB);
        return new CsiVolumeSpec(volume.id(), volume.name(), volume.namespace(), volume.pluginId(), volume.type(),
                volume.fsType(), volume.mountFlags(), bytes, bytes, volume.capabilities(), volume.secrets(),
                volume.parameters());
    }

    /** What the volume counts against a disk quota: its minimum capacity in whole GB, at least 1; 0 when unset. */
    public static long sizeGb(CsiVolumeSpec volume) {
        if (volume.capacityMin() == 0) {
            return 0;
        }
        return Math.max(1, (volume.capacityMin() + BYTES_PER_GB - 1) / BYTES_PER_GB);
    }

    private static CsiVolumeSpec volume(String sourceName, Map<String, Object> fields) {
        String id = text(sourceName, fields, "id", "");
        if (id.isEmpty()) {
            throw invalid(sourceName, "every volume needs an id");
        }
        Map<String, Object> mountOptions = fields.get("mount_options") == null
                ? Map.of()
                : mapping(sourceName, fields.get("mount_options"), "mount_options");
        List<CsiVolumeSpec.Capability> capabilities = new ArrayList<>();
        for (Object capability : list(sourceName, fields, "capabilities")) {
            Map<String, Object> modes = mapping(sourceName, capability, "a capability");
            capabilities.add(new CsiVolumeSpec.Capability(text(sourceName, modes, "access_mode", ""),
                    text(sourceName, modes, "attachment_mode", "")));
        }
        return new CsiVolumeSpec(
                id,
                text(sourceName, fields, "name", id),
                text(sourceName, fields, "namespace", "default"),
                text(sourceName, fields, "plugin_id", ""),
                text(sourceName, fields, "type", "csi"),
                text(sourceName, mountOptions, "fs_type", ""),
                list(sourceName, mountOptions, "mount_flags").stream().map(String::valueOf).toList(),
                capacity(sourceName, fields, "capacity_min"),
                capacity(sourceName, fields, "capacity_max"),
                capabilities,
                strings(sourceName, fields, "secrets"),
                strings(sourceName, fields, "parameters"));
    }

    /** Bytes: an integer, or N with a 1024-based unit G, M, K or B. */
    private static long capacity(String sourceName, Map<String, Object> fields, String key) {
        String value = text(sourceName, fields, key, "0").strip().toUpperCase(Locale.ROOT);
        Matcher matcher = CAPACITY.matcher(value);
        if (!matcher.matches()) {
            throw invalid(sourceName, format("%s must be a number of bytes or end in G, M, K or B", key));
        }
        long multiplier = switch (matcher.group(2)) {
            case "G" -> BYTES_PER_GB;
            case "M" -> 1024L * 1024;
            case "K" -> 1024L;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw invalid(sourceName, format("%s is too large", key));
        }
    }

    private static String text(String sourceName, Map<String, Object> fields, String key, String absent) {
        Object value = fields.get(key);
        if (value == null || (value instanceof String string && string.isEmpty())) {
            return absent;
        }
        if (!(value instanceof String string)) {
            throw invalid(sourceName, format("%s must be a single value", key));
        }
        return string;
    }

    private static List<?> list(String sourceName, Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw invalid(sourceName, format("%s must be a list", key));
        }
        return items;
    }

    private static Map<String, String> strings(String sourceName, Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null || "".equals(value)) {
            return Map.of();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        mapping(sourceName, value, key).forEach((name, entry) -> {
            if (!(entry instanceof String string)) {
                throw invalid(sourceName, format("%s.%s must be a single value", key, name));
            }
            entries.put(name, string);
        });
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String sourceName, Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw invalid(sourceName, format("%s must be a mapping", what));
        }
        return (Map<String, Object>) value;
    }

    private static KnotException invalid(String sourceName, String problem) {
        return KnotException.invalid(sourceName + ": " + problem);
    }
}
