package dev.knot.app.dns;

import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ResolverSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The name servers one lookup goes to, as "host:port" (port 53 when the config gives none): those of the longest
 * matching {@code resolver.domains} suffix, else {@code resolver.nameservers}, else none, meaning the system resolver.
 */
record Nameservers(List<String> addresses) {
    private static final int DNS_PORT = 53;

    Nameservers {
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
    }

    /**
     * @throws IllegalArgumentException naming the resolver key when an entry is not host[:port]
     */
    static Nameservers forName(ResolverSection resolver, String name) {
        String lookedUp = stripTrailingDot(name).toLowerCase(Locale.ROOT);
        String bestSuffix = null;
        for (String suffix : resolver.domains().keySet()) {
            String domain = stripTrailingDot(suffix).toLowerCase(Locale.ROOT);
            boolean matches = lookedUp.equals(domain) || lookedUp.endsWith("." + domain);
            if (matches && (bestSuffix == null || domain.length() > stripTrailingDot(bestSuffix).length())) {
                bestSuffix = suffix;
            }
        }
        if (bestSuffix != null) {
            return parse("resolver.domains." + bestSuffix, resolver.domains().get(bestSuffix));
        }
        return parse("resolver.nameservers", resolver.nameservers());
    }

    boolean isSystemResolver() {
        return addresses.isEmpty();
    }

    /** JNDI's provider URL: every server in order, or "dns:" for the servers the system is configured with. */
    String providerUrl() {
        return isSystemResolver()
                ? "dns:"
                : addresses.stream().map(address -> "dns://" + address).collect(Collectors.joining(" "));
    }

    /** For error messages: which servers were asked. */
    String describe() {
        return isSystemResolver() ? "the system resolver" : String.join(", ", addresses);
    }

    private static Nameservers parse(String key, List<String> entries) {
        List<String> addresses = new ArrayList<>();
        for (String entry : entries) {
            addresses.add(withPort(key, entry.trim()));
        }
        return new Nameservers(addresses);
    }

    private static String withPort(String key, String entry) {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(key + ": no closing ] in \"" + entry + "\"");
            }
            host = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException(key + ": expected host[:port], got \"" + entry + "\"");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
            // A bare IPv6 address: its colons are not a port separator.
            host = entry;
            port = "";
        } else {
            int colon = entry.indexOf(':');
            host = colon < 0 ? entry : entry.substring(0, colon);
            port = colon < 0 ? "" : entry.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException(key + ": expected host[:port], got \"" + entry + "\"");
        }
        int number = port.isEmpty() ? DNS_PORT : parsePort(key, entry, port);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + number;
    }

    private static int parsePort(String key, String entry, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the entry
        }
        throw new IllegalArgumentException(key + ": the port must be 1-65535 in \"" + entry + "\"");
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
