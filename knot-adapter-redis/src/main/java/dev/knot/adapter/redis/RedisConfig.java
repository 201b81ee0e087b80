package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How to reach Redis ({@code server.redis.*}). One host is a single server; several hosts are a cluster; with a
 * {@code masterName} the hosts are sentinels watching that master.
 *
 * @param hosts "host:port" entries ("[::1]:6379" for IPv6; a missing port means 6379), or "srv+name" entries
 *     that name a DNS SRV record
 * @param password "" for none; never shown by {@link #toString()}
 * @param database the database number; a cluster has only database 0
 * @param masterName the sentinel master name, "" when not using sentinels
 * @param keyPrefix put before every key; a ':' is appended when it is missing, as the original does
 * @param connectTimeout how long opening a connection may take
 * @param commandTimeout how long one command may wait for its answer
 * @param serviceLookup gives the address and port of a "srv+name" entry's name (without "srv+"); it may block for
 *     a DNS lookup and throws when there is no answer. Asked at start for every such entry and, for a single
 *     server, again whenever Redisson checks the name for a change (see {@code docs/storage-redis.md}). Without
 *     one, "srv+" entries fail the start
 */
public record RedisConfig(
        List<String> hosts,
        String password,
        int database,
        String masterName,
        String keyPrefix,
        Duration connectTimeout,
        Duration commandTimeout,
        Function<String, InetSocketAddress> serviceLookup) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAXIMUM_TIMEOUT = Duration.ofMinutes(1);

    public RedisConfig {
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        requireNonNull(password, "password is null");
        requireNonNull(masterName, "masterName is null");
        requireNonNull(keyPrefix, "keyPrefix is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(serviceLookup, "serviceLookup is null");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("server.redis.hosts: at least one host is needed");
        }
        hosts.forEach(RedisEndpoint::parse);
        if (database < 0) {
            throw new IllegalArgumentException("server.redis.db: must not be negative, got " + database);
        }
        if (hosts.size() > 1 && masterName.isEmpty() && database != 0) {
            throw new IllegalArgumentException(
                    "server.redis.db: a Redis cluster (several hosts, no master_name) has only database 0, got "
                            + database);
        }
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith(":")) {
            keyPrefix = keyPrefix + ":";
        }
        checkTimeout("connect timeout", connectTimeout);
        checkTimeout("command timeout", commandTimeout);
    }

    /** Without a way to look up "srv+" entries. */
    public RedisConfig(List<String> hosts, String password, int database, String masterName, String keyPrefix,
            Duration connectTimeout, Duration commandTimeout) {
        this(hosts, password, database, masterName, keyPrefix, connectTimeout, commandTimeout,
                new NoServiceLookup());
    }

    /** The original's settings with the default timeouts. */
    public static RedisConfig of(List<String> hosts, String password, int database, String masterName,
            String keyPrefix) {
        return new RedisConfig(hosts, password, database, masterName, keyPrefix, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_COMMAND_TIMEOUT);
    }

    /** A copy with other timeouts. */
    public RedisConfig withTimeouts(Duration newConnectTimeout, Duration newCommandTimeout) {
        return new RedisConfig(hosts, password, database, masterName, keyPrefix, newConnectTimeout,
                newCommandTimeout, serviceLookup);
    }

    /** A copy that looks "srv+" entries up with {@code newServiceLookup}. */
    public RedisConfig withServiceLookup(Function<String, InetSocketAddress> newServiceLookup) {
        return new RedisConfig(hosts, password, database, masterName, keyPrefix, connectTimeout, commandTimeout,
                newServiceLookup);
    }

    List<RedisEndpoint> endpoints() {
        return hosts.stream().map(RedisEndpoint::parse).toList();
    }

    Topology topology() {
        if (!masterName.isEmpty()) {
            return Topology.SENTINEL;
        }
        return hosts.size() == 1 ? Topology.SINGLE : Topology.CLUSTER;
    }

    private static void checkTimeout(String name, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAXIMUM_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "server.redis: the " + name + " must be above 0 and at most " + MAXIMUM_TIMEOUT + ", got "
                            + timeout);
        }
    }

    @Override
    public String toString() {
        return "RedisConfig[hosts=" + hosts + ", password=" + (password.isEmpty() ? "(empty)" : "(redacted)")
                + ", database=" + database + ", masterName=" + masterName + ", keyPrefix=" + keyPrefix
                + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout + "]";
    }

    /** How the hosts are used. */
    enum Topology {
        SINGLE,
        CLUSTER,
        SENTINEL
    }
}
