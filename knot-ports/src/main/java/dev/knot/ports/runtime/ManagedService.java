package dev.knot.ports.runtime;

/**
 * Something with a life: a store that opens files, a listener that binds a port. knot-app starts every bound
 * service in binding order and closes them in reverse order on shutdown, so adapters never start themselves
 * from a constructor.
 */
public interface ManagedService extends AutoCloseable {
    /** A short name for log lines, e.g. "embedded store" or "http listener". */
    String name();

    /**
     * Acquires what the service needs (files, ports, connections).
     *
     * @throws dev.knot.ports.model.KnotException with a message fit for the operator when it cannot start
     */
    void start();

    /** Releases everything {@link #start()} acquired; safe to call when start failed or never ran. */
    @Override
    void close();
}
