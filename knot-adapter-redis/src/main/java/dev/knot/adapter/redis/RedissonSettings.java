package dev.knot.adapter.redis;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;

/**
 * Redisson's configuration for knot: strings in and out (knot writes its own JSON), reads from masters only (a
 * replica may lag behind a write knot just made), few idle connections, and one quick retry so that a call on a
 * dead server fails within about two command timeouts instead of Redisson's default of several.
 */
final class RedissonSettings {
    /** Redisson tries a command this many more times before failing it. */
    static final int RETRY_ATTEMPTS = 1;
    static final Duration RETRY_DELAY = Duration.ofMillis(500);
    /** Broken connections are found by a ping this often, as the original pinged every 10 s. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(10);
    /** Enough for the server's request threads; connections are opened as they are needed. */
    static final int CONNECTION_POOL_SIZE = 32;
    static final int MINIMUM_IDLE_CONNECTIONS = 1;
    /**
     * How often Redisson looks a single server's host name up again (its default), "srv+" names included, and
     * moves to the new address when the answer changed.
     */
    static final Duration DNS_CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final int NETTY_THREADS = 4;
    private static final int CALLBACK_THREADS = 2;

    private RedissonSettings() {}

    /**
     * @param addresses "redis://host:port" addresses; a "srv+" name as host is answered by the config's service
     *     lookup, port included
     */
    static Config of(RedisConfig config, List<String> addresses) {
        Config redisson = new Config();
        redisson.setCodec(StringCodec.INSTANCE);
        redisson.setUseScriptCache(true);
        redisson.setNettyThreads(NETTY_THREADS);
        redisson.setThreads(CALLBACK_THREADS);
        if (!config.password().isEmpty()) {
            redisson.setPassword(config.password());
        }
        Set<String> serviceNames = config.endpoints().stream()
                .filter(RedisEndpoint.ServiceRecord.class::isInstance)
                .map(endpoint -> ((RedisEndpoint.ServiceRecord) endpoint).name())
                .collect(Collectors.toSet());
        if (!serviceNames.isEmpty()) {
            redisson.setAddressResolverGroupFactory(
                    new ServiceRecordResolverFactory(serviceNames, config.serviceLookup()));
        }
        switch (config.topology()) {
            case SINGLE -> {
                SingleServerConfig single = redisson.useSingleServer()
                        .setAddress(addresses.get(0))
                        .setDatabase(config.database())
                        .setConnectionPoolSize(CONNECTION_POOL_SIZE)
                        .setConnectionMinimumIdleSize(MINIMUM_IDLE_CONNECTIONS)
                        .setSubscriptionConnectionMinimumIdleSize(0)
                        .setDnsMonitoringInterval(DNS_CHECK_INTERVAL.toMillis());
                timeouts(single, config);
            }
            case CLUSTER -> {
                ClusterServersConfig cluster = redisson.useClusterServers()
                        .addNodeAddress(addresses.toArray(String[]::new))
                        .setReadMode(ReadMode.MASTER)
                        .setMasterConnectionPoolSize(CONNECTION_POOL_SIZE)
                        .setMasterConnectionMinimumIdleSize(MINIMUM_IDLE_CONNECTIONS)
                        .setSlaveConnectionMinimumIdleSize(0)
                        .setSubscriptionConnectionMinimumIdleSize(0);
                timeouts(cluster, config);
            }
            case SENTINEL -> {
                SentinelServersConfig sentinel = redisson.useSentinelServers()
                        .setMasterName(config.masterName())
                        .addSentinelAddress(addresses.toArray(String[]::new))
                        .setDatabase(config.database())
                        // One sentinel is a valid, if fragile, setup; the original accepted it.
                        .setCheckSentinelsList(false)
                        .setReadMode(ReadMode.MASTER)
                        .setMasterConnectionPoolSize(CONNECTION_POOL_SIZE)
                        .setMasterConnectionMinimumIdleSize(MINIMUM_IDLE_CONNECTIONS)
                        .setSlaveConnectionMinimumIdleSize(0)
                        .setSubscriptionConnectionMinimumIdleSize(0);
                timeouts(sentinel, config);
            }
            default -> throw new IllegalStateException("unknown topology " + config.topology());
        }
        return redisson;
    }

    private static void timeouts(org.redisson.config.BaseConfig<?> server, RedisConfig config) {
        server.setConnectTimeout(millis(config.connectTimeout()));
        server.setTimeout(millis(config.commandTimeout()));
        server.setRetryAttempts(RETRY_ATTEMPTS);
        server.setRetryDelay(new ConstantDelay(RETRY_DELAY));
        server.setPingConnectionInterval(millis(PING_INTERVAL));
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
