package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redisson's name resolution with "srv+" names added: a host that is one of the SRV names is answered by the
 * service lookup, address AND port, so the Redis URI's port is only a placeholder. Every other host goes to
 * {@code others} (Redisson's usual DNS resolver). Redisson asks when it first connects and at each of its DNS
 * checks (dnsMonitoringInterval); when the answer differs from the address in use it moves the client there.
 *
 * <p>A lookup that fails once an answer is known keeps the last answer (with one warning per run of failures):
 * a name server that is down says nothing about Redis, and Redisson would only log the failure anyway. Lookups
 * block (JNDI), so they run on a thread of their own, never on a Netty event loop.
 */
final class ServiceRecordResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRecordResolverGroup.class);

    private final Set<String> serviceNames;
    private final Function<String, InetSocketAddress> lookup;
    private final AddressResolverGroup<InetSocketAddress> others;
    private final ExecutorService lookups;
    private final Map<String, InetSocketAddress> lastAnswers = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    ServiceRecordResolverGroup(Set<String> serviceNames, Function<String, InetSocketAddress> lookup,
            AddressResolverGroup<InetSocketAddress> others) {
        this.serviceNames = requireNonNull(serviceNames, "serviceNames is null").stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.others = requireNonNull(others, "others is null");
        this.lookups = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "knot-redis-srv-lookup");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new ServiceRecordResolver(executor, others.getResolver(executor));
    }

    @Override
    public void close() {
        super.close();
        others.close();
        lookups.shutdownNow();
    }

    /** The service's address now; blocks for the lookup. */
    InetSocketAddress answer(String name) throws UnknownHostException {
        String key = name.toLowerCase(Locale.ROOT);
        InetSocketAddress found;
        try {
            found = lookup.apply(name);
        } catch (RuntimeException failed) {
            InetSocketAddress last = lastAnswers.get(key);
            if (last == null) {
                throw failed;
            }
            if (failing.add(key)) {
                LOG.warn("srv+{}: {}; Redis stays at {}", name, failed.getMessage(), last);
            }
            return last;
        }
        InetSocketAddress resolved = found.isUnresolved()
                ? new InetSocketAddress(found.getHostString(), found.getPort())
                : found;
        if (resolved.isUnresolved()) {
            throw new UnknownHostException("srv+" + name + " gave " + found.getHostString() + ", which has no address");
        }
        failing.remove(key);
        lastAnswers.put(key, resolved);
        return resolved;
    }

    private boolean isServiceName(InetSocketAddress address) {
        return serviceNames.contains(address.getHostString().toLowerCase(Locale.ROOT));
    }

    /** One event loop's resolver: SRV names on the lookup threads, everything else as Redisson would. */
    private final class ServiceRecordResolver extends AbstractAddressResolver<InetSocketAddress> {
        private final AddressResolver<InetSocketAddress> other;

        ServiceRecordResolver(EventExecutor executor, AddressResolver<InetSocketAddress> other) {
            super(executor, InetSocketAddress.class);
            this.other = other;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return !address.isUnresolved();
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            if (isServiceName(unresolved)) {
                lookups.execute(() -> complete(promise, () -> answer(unresolved.getHostString())));
            } else {
                relay(other.resolve(unresolved), promise);
            }
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            if (isServiceName(unresolved)) {
                lookups.execute(() -> complete(promise, () -> List.of(answer(unresolved.getHostString()))));
            } else {
                relay(other.resolveAll(unresolved), promise);
            }
        }

        private <T> void complete(Promise<T> promise, Answer<T> answer) {
            try {
                promise.trySuccess(answer.get());
            } catch (UnknownHostException | RuntimeException failed) {
                promise.tryFailure(failed);
            }
        }

        private <T> void relay(Future<T> result, Promise<T> promise) {
            result.addListener(done -> {
                if (done.isSuccess()) {
                    promise.trySuccess(result.getNow());
                } else {
                    promise.tryFailure(done.cause());
                }
            });
        }
    }

    /** A lookup that may fail with an unknown host. */
    @FunctionalInterface
    private interface Answer<T> {
        T get() throws UnknownHostException;
    }
}
