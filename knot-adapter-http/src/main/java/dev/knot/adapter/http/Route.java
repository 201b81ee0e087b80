package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;

/**
 * One entry of the route table: which requests it answers, who may call it, on which thread it runs and how large
 * a body it accepts. Built only through {@link RouteTable.Builder}, which refuses a route without an access rule.
 */
record Route(
        HttpString method,
        String pathTemplate,
        AccessRule access,
        Execution execution,
        long maxBodyBytes,
        HttpHandler handler) {

    /** Where the handler runs. */
    enum Execution {
        /** On the I/O thread: only for handlers that never block (no store, no Nomad, no body reading). */
        IO_THREAD,
        /** On a worker thread, in blocking mode: for anything that calls a port or reads a body. */
        WORKER_THREAD
    }

    Route {
        requireNonNull(method, "method is null");
        requireNonNull(pathTemplate, "pathTemplate is null");
        requireNonNull(access, "access is null");
        requireNonNull(execution, "execution is null");
        requireNonNull(handler, "handler is null");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException(format("maxBodyBytes must be positive, got %s", maxBodyBytes));
        }
        // Checking a session or token reads the store, which blocks; an I/O thread must never wait on it.
        if (execution == Execution.IO_THREAD && !(access instanceof AccessRule.Public)) {
            throw new IllegalArgumentException(format(
                    "%s %s: only public routes may run on the I/O thread; checking %s needs a worker thread",
                    method, pathTemplate, access));
        }
    }
}
