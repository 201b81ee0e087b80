package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import dev.knot.ports.runtime.ManagedService;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redisson client of the process. It connects at {@link #start()}, failing with STORE_UNAVAILABLE when
 * Redis cannot be reached then (a wrong host or password is best reported at once); later outages fail single
 * calls while Redisson reconnects by itself.
 */
final class RedisConnection implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final RedisConfig config;
    private final RedisFailures failures;
    private volatile RedissonClient client;

    RedisConnection(RedisConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.failures = new RedisFailures(config.password());
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public synchronized void start() {
        if (client != null) {
            return;
        }
        List<String> addresses = addresses();
        try {
            client = Redisson.create(RedissonSettings.of(config, addresses));
        } catch (RedisException | IllegalArgumentException | IllegalStateException failure) {
            throw failures.unavailable(failure);
        }
        LOG.info("Connected to Redis at {} ({}, database {}, key prefix \"{}\")", config.hosts(),
                config.topology().name().toLowerCase(Locale.ROOT), config.database(), config.keyPrefix());
    }

    /**
     * @throws KnotException STORE_UNAVAILABLE when the connection is not started or already closed
     */
    RedissonClient client() {
        RedissonClient current = client;
        if (current == null) {
            throw failures.unavailable("not connected (the redis service is not started)");
        }
        return current;
    }

    RedisFailures failures() {
        return failures;
    }

    @Override
    public synchronized void close() {
        RedissonClient current = client;
        client = null;
        if (current != null) {
            current.shutdown(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Redisson's addresses. A single server named by "srv+name" keeps the name as its host (port 6379 is only a
     * placeholder): Redisson then asks {@link ServiceRecordResolverGroup} at each connect and each DNS check. In a
     * cluster or sentinel setup the SRV answer is only where Redisson starts to discover the nodes, so it is looked
     * up here once. Either way every name is looked up now, so that a start without an answer fails naming it.
     */
    private List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        for (RedisEndpoint endpoint : config.endpoints()) {
            if (endpoint instanceof RedisEndpoint.Address address) {
                addresses.add(address.uri());
            } else {
                String name = ((RedisEndpoint.ServiceRecord) endpoint).name();
                InetSocketAddress found = lookUp(name);
                addresses.add(config.topology() == RedisConfig.Topology.SINGLE
                        ? new RedisEndpoint.Address(name, RedisEndpoint.DEFAULT_PORT).uri()
                        : new RedisEndpoint.Address(found.getHostString(), found.getPort()).uri());
            }
        }
        return addresses;
    }

    private InetSocketAddress lookUp(String name) {
        try {
            return config.serviceLookup().apply(name);
        } catch (RuntimeException failed) {
            throw failures.unavailable("server.redis.hosts entry " + RedisEndpoint.SERVICE_RECORD_MARKER + name + ": "
                    + failed.getMessage());
        }
    }
}
