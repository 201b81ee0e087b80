package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name on the wildcard domain, parsed strictly: {@code <username>--<space name>--<service>.<domain>}, where the
 * service is a web port ({@code 8080}), {@code vnc} or {@code code} (code-server). Host names are case-insensitive,
 * so the parts are kept lower-case.
 *
 * @param hostName the whole host name, lower-case, without a port
 * @param kind what the host serves
 * @param port the web port for {@link Kind#PORT}, else 0
 */
public record WebPortHost(String hostName, String username, String spaceName, Kind kind, int port) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final String SEPARATOR = "--";
    private static final String VNC = "vnc";
    private static final String CODE_SERVER = "code";

    /** What a space host serves. */
    public enum Kind {
        /** One of the web ports the agent reports. */
        PORT,
        /** The agent's VNC web client. */
        VNC,
        /** The agent's code-server. */
        CODE_SERVER
    }

    public WebPortHost {
        requireNonNull(hostName, "hostName is null");
        requireNonNull(username, "username is null");
        requireNonNull(spaceName, "spaceName is null");
        requireNonNull(kind, "kind is null");
        if (kind == Kind.PORT ? port < 1 || port > 65535 : port != 0) {
            throw new IllegalArgumentException("port must be 1..65535 for a web port and 0 otherwise: " + port);
        }
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
        if (parts[2].equals(VNC)) {
            return Optional.of(new WebPortHost(name, parts[0], parts[1], Kind.VNC, 0));
        }
        if (parts[2].equals(CODE_SERVER)) {
            return Optional.of(new WebPortHost(name, parts[0], parts[1], Kind.CODE_SERVER, 0));
        }
        if (!PORT.matcher(parts[2]).matches() || Integer.parseInt(parts[2]) > 65535) {
            return Optional.empty();
        }
        return Optional.of(new WebPortHost(name, parts[0], parts[1], Kind.PORT, Integer.parseInt(parts[2])));
    }

    /**
     * The host that serves the code-server of {@code username}'s space {@code spaceName}.
     *
     * @throws IllegalArgumentException when the names or the wildcard domain cannot make a host name (valid
     *     usernames and space names always can)
     */
    public static WebPortHost codeServer(String username, String spaceName, String wildcardDomain) {
        requireNonNull(username, "username is null");
        requireNonNull(spaceName, "spaceName is null");
        requireNonNull(wildcardDomain, "wildcardDomain is null");
        String name = username + SEPARATOR + spaceName + SEPARATOR + CODE_SERVER
                + wildcardDomain.replaceFirst("^\\*", "");
        return parse(name, wildcardDomain)
                .orElseThrow(() -> new IllegalArgumentException("not a space host: " + name));
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
