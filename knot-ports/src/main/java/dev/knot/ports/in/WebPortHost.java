package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name on the wildcard domain, parsed strictly: {@code <username>--<space name>--<port>.<domain>} or
 * {@code <username>--<space name>--vnc.<domain>}. Host names are case-insensitive, so the parts are kept lower-case.
 *
 * @param hostName the whole host name, lower-case, without a port
 * @param port the web port; empty for VNC
 */
public record WebPortHost(String hostName, String username, String spaceName, Optional<Integer> port) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final String SEPARATOR = "--";

    public WebPortHost {
        requireNonNull(hostName, "hostName is null");
        requireNonNull(username, "username is null");
        requireNonNull(spaceName, "spaceName is null");
        requireNonNull(port, "port is null");
    }

    public boolean isVnc() {
        return port.isEmpty();
    }

    /**
     * @param host the request's host, possibly with {@code :port}
     * @param wildcardDomain {@code server.wildcard_domain}, e.g. {@code *.knot.example.com}
     * @return empty unless {@code host} is exactly one well-formed label under the wildcard domain
     */
    public static Optional<WebPortHost> parse(String host, String wildcardDomain) {
        requireNonNull(wildcardDomain, "wildcardDomain is null");
        // ASCII only, checked before lower-casing: Unicode maps some letters onto ASCII ones (the Kelvin sign to k).
        if (host == null || host.isEmpty() || !host.chars().allMatch(c -> c < 0x80)
                || !wildcardDomain.startsWith("*.")) {
            return Optional.empty();
        }
        String name = withoutPort(host.toLowerCase(Locale.ROOT));
        String suffix = wildcardDomain.substring(1).toLowerCase(Locale.ROOT);
        if (name == null || !name.endsWith(suffix) || name.length() == suffix.length()) {
            return Optional.empty();
        }
        String label = name.substring(0, name.length() - suffix.length());
        String[] parts = label.split(SEPARATOR, -1);
        if (parts.length != 3 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        if (parts[2].equals("vnc")) {
            return Optional.of(new WebPortHost(name, parts[0], parts[1], Optional.empty()));
        }
        if (!PORT.matcher(parts[2]).matches() || Integer.parseInt(parts[2]) > 65535) {
            return Optional.empty();
        }
        return Optional.of(new WebPortHost(name, parts[0], parts[1], Optional.of(Integer.parseInt(parts[2]))));
    }

    /** {@code name} of {@code name} or {@code name:port} (decimal port); null when malformed. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0) {
            return host;
        }
        String port = host.substring(colon + 1);
        return PORT.matcher(port).matches() && Integer.parseInt(port) <= 65535 ? host.substring(0, colon) : null;
    }
}
