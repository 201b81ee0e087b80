package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * server.redis. One host is a single node, several a cluster, several with a master name a sentinel group; entries
 * may be "srv+name". The key prefix always ends with ':' when not empty, as in the original.
 */
public record RedisSection(
        boolean enabled, List<String> hosts, Secret password, int database, String masterName, String keyPrefix) {
    public RedisSection {
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        requireNonNull(password, "password is null");
        requireNonNull(masterName, "masterName is null");
        requireNonNull(keyPrefix, "keyPrefix is null");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts is empty");
        }
        if (database < 0) {
            throw new IllegalArgumentException("database is negative: " + database);
        }
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith(":")) {
            throw new IllegalArgumentException("keyPrefix must end with ':': " + keyPrefix);
        }
    }
}
