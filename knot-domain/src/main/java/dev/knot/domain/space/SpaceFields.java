package dev.knot.domain.space;

import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules for a space's editable fields beyond what the {@link dev.knot.ports.model.Space} record checks. */
final class SpaceFields {
    static final long MAXIMUM_VOLUME_SIZE_GB = 1_000_000;

    private SpaceFields() {}

    /** Alternative names without blanks, repeats (ignoring case) or the primary name, as the original cleaned them. */
    static List<String> cleanAltNames(String name, List<String> altNames) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(name.toLowerCase(Locale.ROOT));
        List<String> cleaned = new ArrayList<>();
        for (String altName : altNames) {
            String trimmed = altName.strip();
            if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                cleaned.add(trimmed);
            }
        }
        return cleaned;
    }

    /** The Manual template needs the http(s) address of its agent; any other template keeps none. */
    static String agentUrl(Template template, String agentUrl) {
        if (!template.isManual()) {
            return "";
        }
        try {
            URI uri = new URI(agentUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https") || scheme.equals("srv+http")
                    || scheme.equals("srv+https")) && uri.getHost() != null) {
                return agentUrl.strip();
            }
        } catch (URISyntaxException malformed) {
            // Reported below, like any other unusable address.
        }
        throw KnotException.invalid("agent_url: the Manual template needs the http(s) address of the agent");
    }

    static void requireValidSizes(Map<String, Long> volumeSizes) {
        volumeSizes.forEach((volumeId, size) -> {
            if (size == null || size < 0 || size > MAXIMUM_VOLUME_SIZE_GB) {
                throw KnotException.invalid("volume_sizes: sizes are 0 to " + MAXIMUM_VOLUME_SIZE_GB + " GB");
            }
        });
    }
}
