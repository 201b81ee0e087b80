package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.knot.app.dns.ServiceAddress;
import dev.knot.app.dns.SrvResolver;
import dev.knot.ports.model.KnotException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "srv+" lookups the storage adapters make while knot runs: each call asks DNS again (the adapters call it
 * for a new MySQL connection, or when Redisson checks its server's name), and the first answer for a name and
 * every changed one are logged once, at INFO ("server.mysql.host srv+db.service.consul → 10.0.0.5:3306").
 */
final class ServiceLookup implements Function<String, InetSocketAddress> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLookup.class);
    static final String SRV_PREFIX = "srv+";

    private final String key;
    private final SrvResolver dns;
    private final Map<String, ServiceAddress> lastAnswers = new ConcurrentHashMap<>();

    /**
     * @param key the configuration key the names come from, for the log
     */
    ServiceLookup(String key, SrvResolver dns) {
        this.key = requireNonNull(key, "key is null");
        this.dns = requireNonNull(dns, "dns is null");
    }

    /**
     * @param name the service's DNS name, without "srv+"
     * @throws KnotException STORE_UNAVAILABLE (or INVALID_ARGUMENT for a bad name server entry) as
     *     {@link SrvResolver#lookup} says
     */
    @Override
    public InetSocketAddress apply(String name) {
        ServiceAddress found = dns.lookup(name);
        ServiceAddress previous = lastAnswers.put(name, found);
        if (!found.equals(previous)) {
            LOG.info("{} {}{} → {}", key, SRV_PREFIX, name, found.hostAndPort());
        }
        // An address, not a name: InetSocketAddress takes it as it is, without asking DNS.
        return new InetSocketAddress(found.host(), found.port());
    }

    /**
     * The endpoint of one "srv+name" host, for a MySQL pool: a failed lookup names the key and the host.
     */
    Supplier<InetSocketAddress> endpoint(String name) {
        requireNonNull(name, "name is null");
        return new Supplier<>() {
            @Override
            public InetSocketAddress get() {
                try {
                    return apply(name);
                } catch (KnotException failed) {
                    throw new KnotException(failed.code(), key + " " + this + ": " + failed.getMessage(), failed);
                }
            }

            @Override
            public String toString() {
                return SRV_PREFIX + name;
            }
        };
    }
}
