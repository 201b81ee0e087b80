package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code server.redis.hosts}: an address, or the name of a DNS SRV record that gives one. */
sealed interface RedisEndpoint {
    int DEFAULT_PORT = 6379;
    String SERVICE_RECORD_MARKER = "srv+";

    /** A host name or IP address and a port. */
    record Address(String host, int port) implements RedisEndpoint {
        public Address {
            requireNonNull(host, "host is null");
        }

        /** The address as Redisson takes it; IPv6 addresses in brackets. */
        String uri() {
            String bracketed = host.contains(":") ? "[" + host + "]" : host;
            return "redis://" + bracketed + ":" + port;
        }
    }

    /** "srv+name": the SRV record named {@code name} gives the host and port. */
    record ServiceRecord(String name) implements RedisEndpoint {
        public ServiceRecord {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * @throws IllegalArgumentException naming the entry and the expected forms when it cannot be read
     */
    static RedisEndpoint parse(String entry) {
        requireNonNull(entry, "host entry is null");
        if (entry.startsWith(SERVICE_RECORD_MARKER)) {
            String name = entry.substring(SERVICE_RECORD_MARKER.length());
            if (!Syntax.DNS_NAME.matcher(name).matches()) {
                throw unreadable(entry, "no valid DNS name after srv+");
            }
            return new ServiceRecord(name);
        }
        Matcher bracketed = Syntax.BRACKETED_IPV6.matcher(entry);
        if (bracketed.matches()) {
            return new Address(bracketed.group(1), port(entry, bracketed.group(2)));
        }
        Matcher plain = Syntax.HOST_AND_PORT.matcher(entry);
        if (plain.matches()) {
            return new Address(plain.group(1), port(entry, plain.group(2)));
        }
        if (entry.indexOf(':') != entry.lastIndexOf(':')) {
            throw unreadable(entry, "an IPv6 address needs brackets, as in [::1]:6379");
        }
        throw unreadable(entry, "expected host:port");
    }

    private static int port(String entry, String digits) {
        if (digits == null) {
            return DEFAULT_PORT;
        }
        // At most five digits by the pattern, so this cannot overflow.
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw unreadable(entry, "the port must be 1 to 65535");
        }
        return port;
    }

    private static IllegalArgumentException unreadable(String entry, String reason) {
        return new IllegalArgumentException("server.redis.hosts: cannot read " + quoted(entry) + ": " + reason
                + " (forms: host:port, [ipv6]:port, host, srv+name)");
    }

    private static String quoted(String entry) {
        return entry.length() <= 100 ? '"' + entry + '"' : '"' + entry.substring(0, 100) + "…\"";
    }

    /** The patterns, apart so that the interface itself holds no mutable-looking state. */
    final class Syntax {
        static final Pattern DNS_NAME = Pattern.compile("^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})$");
        static final Pattern HOST_AND_PORT = Pattern.compile("^([A-Za-z0-9_][A-Za-z0-9_.-]{0,252})(?::([0-9]{1,5}))?$");
        static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9A-Fa-f:.%a-zA-Z]+)\\](?::([0-9]{1,5}))?$");

        private Syntax() {}
    }
}
