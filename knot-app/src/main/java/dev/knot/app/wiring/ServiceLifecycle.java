package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.runtime.ManagedService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bound services in binding order (the store before the HTTP listener that uses it) and closes them in
 * reverse. A service that fails to start leaves nothing running: everything already started is closed before the
 * failure is passed on.
 */
final class ServiceLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLifecycle.class);

    private final List<ManagedService> services;
    private final Deque<ManagedService> started = new ArrayDeque<>();

    ServiceLifecycle(List<ManagedService> services) {
        this.services = List.copyOf(requireNonNull(services, "services is null"));
    }

    /** @throws RuntimeException the failure of the first service that could not start, after closing the others */
    synchronized void start() {
        for (ManagedService service : services) {
            LOG.debug("starting {}", service.name());
            try {
                service.start();
            }
            catch (RuntimeException failure) {
                // start() may have acquired part of what it needs; its contract makes close() safe after a failure.
                closeQuietly(service);
                close();
                throw failure;
            }
            started.push(service);
        }
    }

    /** Closes what was started, newest first; safe to call more than once and from the shutdown hook. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }

    private static void closeQuietly(ManagedService service) {
        try {
            service.close();
            LOG.debug("closed {}", service.name());
        }
        catch (RuntimeException failure) {
            // One service failing to close must not keep the others open.
            LOG.warn("closing {} failed", service.name(), failure);
        }
    }
}
