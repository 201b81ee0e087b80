package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.runtime.ManagedService;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;
import org.xnio.Sequence;

/**
 * The HTTP listener, speaking plain HTTP or HTTPS (HTTP/1.1) on the one address. Every limit of {@link HttpConfig} is
 * set on Undertow, which has none of its own. Closing it drains: new requests get 503 while those in flight may
 * finish, up to the drain timeout.
 */
final class HttpServer implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /** Undertow's defaults, set explicitly so they cannot drift with an upgrade. */
    private static final int MAX_PARAMETERS = 1000;
    private static final int MAX_COOKIES = 200;

    /** How far above the largest route limit Undertow's own body limit is. */
    private static final long BODY_CEILING_FACTOR = 2;

    /** After the drain, how long worker threads get to notice the stop before they are interrupted. */
    private static final int WORKER_STOP_MILLIS = 2000;

    private final HttpConfig config;
    private final RouteTable routes;
    private final JsonCodec json;
    private final AccessControl access;
    private final Optional<HttpsContext> https;

    private Undertow undertow;
    private GracefulShutdownHandler drain;
    private volatile InetSocketAddress address;

    /** @throws KnotException INVALID_ARGUMENT when HTTPS is asked for with certificate files that cannot be used */
    HttpServer(HttpConfig config, RouteTable routes, JsonCodec json, AccessControl access) {
        this.config = requireNonNull(config, "config is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.json = requireNonNull(json, "json is null");
        this.access = requireNonNull(access, "access is null");
        this.https = HttpsContext.forConfig(config.tls());
    }

    @Override
    public String name() {
        return "http listener";
    }

    @Override
    public synchronized void start() {
        if (undertow != null) {
            throw new IllegalStateException("the http listener is already started");
        }
        ErrorMapper errors = new ErrorMapper(json);
        HttpHandler hosts = new HostDispatch(new Router(routes, errors, access), routes.spaceHosts(),
                TrustedProxies.parse(config.trustedProxies()));
        GracefulShutdownHandler draining = new GracefulShutdownHandler(new ErrorMappingHandler(hosts, errors));
        Undertow.Builder builder = Undertow.builder();
        if (https.isPresent()) {
            builder.addHttpsListener(config.port(), config.host(), https.get().sslContext())
                    .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(https.get().protocols()));
        } else {
            builder.addHttpListener(config.port(), config.host());
        }
        Undertow server = builder
                .setIoThreads(config.ioThreads())
                .setWorkerThreads(config.workerThreads())
                // Each request is held to its own route's limit, and a declared length over it is a JSON 413. Undertow
                // checks this ceiling before any route is chosen and answers a bare 400, so it sits above every
                // route's limit; it still bounds what an unrouted request can make the server read and discard.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, BODY_CEILING_FACTOR * routes.largestBodyLimit())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, config.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADERS, config.maxHeaders())
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
                .setServerOption(UndertowOptions.MAX_COOKIES, MAX_COOKIES)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(config.requestParseTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(config.idleTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(config.idleTimeout()))
                .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, WORKER_STOP_MILLIS)
                .setHandler(new StandardHeadersHandler(draining))
                .build();
        try {
            server.start();
        } catch (RuntimeException failure) {
            // Undertow has already released its threads; the cause says why the socket could not be bound.
            throw new KnotException(
                    ErrorCode.INVALID_ARGUMENT,
                    format("cannot listen on %s: %s", hostAndPort(config.host(), config.port()), reason(failure)),
                    failure);
        }
        undertow = server;
        drain = draining;
        address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        LOG.info(
                "listening on {}://{} (public URL {})",
                config.tls().scheme(),
                hostAndPort(config.host(), address.getPort()),
                config.publicUrl());
    }

    /** Where the listener is bound, with the real port when the config asked for port 0. */
    InetSocketAddress address() {
        InetSocketAddress bound = address;
        if (bound == null) {
            throw new IllegalStateException("the http listener is not started");
        }
        return bound;
    }

    @Override
    public synchronized void close() {
        if (undertow == null) {
            return;
        }
        drain.shutdown();
        boolean interrupted = false;
        try {
            if (!drain.awaitShutdown(config.drainTimeout().toMillis())) {
                LOG.warn("requests still running after the drain timeout of {}; stopping anyway", config.drainTimeout());
            }
        } catch (InterruptedException stopNow) {
            // Stop first and restore the flag after: Undertow's stop fails at once on an interrupted thread.
            interrupted = true;
            LOG.warn("interrupted while draining requests; stopping now");
        }
        try {
            undertow.stop();
            LOG.info("stopped listening");
        } finally {
            undertow = null;
            drain = null;
            address = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int millis(Duration duration) {
        // HttpConfig keeps every timeout within 1 ms..Integer.MAX_VALUE ms.
        return (int) duration.toMillis();
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                String message = cause.getMessage();
                return message == null ? "cannot bind" : message.toLowerCase(Locale.ROOT);
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return String.valueOf(failure.getMessage());
    }

    private static String hostAndPort(String host, int port) {
        return host.contains(":") ? format("[%s]:%s", host, port) : format("%s:%s", host, port);
    }
}
