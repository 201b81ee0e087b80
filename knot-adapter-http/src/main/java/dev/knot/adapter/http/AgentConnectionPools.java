package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import io.undertow.client.UndertowClient;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ConnectionPoolManager;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.server.handlers.proxy.ProxyConnectionPool;
import io.undertow.util.AttachmentKey;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.XnioExecutor;

/**
 * The connections of Undertow's ProxyHandler to the spaces' agents: the agent is picked per request (from the target
 * the handler attached), and each agent address has its own pool of keep-alive connections. Idle connections close
 * after a while, and a pool with none left is dropped once unused for longer, so agents that went away cost nothing.
 *
 * <p>Connecting has a deadline of its own: XNIO has none, and an agent address that drops packets would otherwise
 * hold the request until the kernel gives up. An agent that cannot be reached gets the browser a JSON 502; the
 * request is not retried against a connection that failed to open.
 */
final class AgentConnectionPools implements ProxyClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AgentConnectionPools.class);
    private static final AttachmentKey<AgentTarget> TARGET = AttachmentKey.create(AgentTarget.class);
    /** Upgraded (websocket) connections leave the pool, so this bounds plain requests in flight per I/O thread. */
    private static final int CONNECTIONS_PER_IO_THREAD = 32;
    /** Requests over the connection limit wait for a free connection rather than fail. */
    private static final int WAITING_REQUESTS_PER_IO_THREAD = 256;
    /** Below the idle timeouts of common servers, so that a pooled connection is rarely one the agent has closed. */
    private static final Duration IDLE_CONNECTION_TTL = Duration.ofSeconds(30);
    private static final Duration IDLE_POOL_LIFETIME = Duration.ofMinutes(5);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final PoolSettings POOL_SETTINGS = new PoolSettings();

    private final ConcurrentMap<String, Pool> pools = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL.toNanos());
    private final UndertowClient client = UndertowClient.getInstance();
    private final ErrorMapper errors;

    AgentConnectionPools(ErrorMapper errors) {
        this.errors = requireNonNull(errors, "errors is null");
    }

    /** Makes {@code agent} the target of the exchange, with {@code agentPath} put in front of the request's path. */
    static void target(HttpServerExchange exchange, AgentEndpoint agent, String agentPath) {
        exchange.putAttachment(TARGET, new AgentTarget(agent.space().id(), agent.address(), agentPath));
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        return exchange.getAttachment(TARGET);
    }

    /** Called by ProxyHandler on the exchange's I/O thread, which is the thread the pools' callbacks run on too. */
    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
            long timeout, TimeUnit timeUnit) {
        AgentTarget agent = (AgentTarget) target;
        dropIdlePools();
        Pool pool = pools.compute(agent.address(), (address, existing) -> existing == null ? new Pool(address) : existing);
        pool.lastUsed = System.nanoTime();
        ConnectAttempt attempt = new ConnectAttempt(agent, callback);
        pool.connections.connect(agent, exchange, attempt, timeout, timeUnit, false);
        attempt.armDeadline(exchange);
    }

    private void dropIdlePools() {
        long now = System.nanoTime();
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL.toNanos())) {
            return;
        }
        pools.forEach((address, pool) -> {
            if (now - pool.lastUsed > IDLE_POOL_LIFETIME.toNanos() && pool.connections.getOpenConnections() == 0
                    && pools.remove(address, pool)) {
                pool.connections.close();
            }
        });
    }

    /** Where one request goes: the agent's address and the path prefix on it. */
    private record AgentTarget(Id<Space> spaceId, String address, String path) implements ProxyTarget {}

    private final class Pool {
        final ProxyConnectionPool connections;
        volatile long lastUsed;

        Pool(String address) {
            connections = new ProxyConnectionPool(POOL_SETTINGS, URI.create("http://" + address), client,
                    OptionMap.EMPTY);
        }
    }

    /**
     * One agent per pool: a failed connection does not mark the pool as down (that would only fail the requests
     * waiting in it and start a retry loop), and every idle connection expires.
     */
    private static final class PoolSettings implements ConnectionPoolManager {
        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public boolean handleError() {
            return true;
        }

        @Override
        public boolean clearError() {
            return true;
        }

        @Override
        public int getProblemServerRetry() {
            return -1;
        }

        @Override
        public int getMaxConnections() {
            return CONNECTIONS_PER_IO_THREAD;
        }

        @Override
        public int getMaxCachedConnections() {
            return CONNECTIONS_PER_IO_THREAD;
        }

        @Override
        public int getSMaxConnections() {
            return 0;
        }

        @Override
        public long getTtl() {
            return IDLE_CONNECTION_TTL.toMillis();
        }

        @Override
        public int getMaxQueueSize() {
            return WAITING_REQUESTS_PER_IO_THREAD;
        }
    }

    /**
     * One request's wait for a connection: the first of the connection, a failure and the deadline decides. A
     * connection that arrives after the deadline goes back to the pool when the exchange ends.
     */
    private final class ConnectAttempt implements ProxyCallback<ProxyConnection> {
        private final AgentTarget agent;
        private final ProxyCallback<ProxyConnection> proxy;
        private final AtomicBoolean decided = new AtomicBoolean();
        private volatile XnioExecutor.Key deadline;

        ConnectAttempt(AgentTarget agent, ProxyCallback<ProxyConnection> proxy) {
            this.agent = agent;
            this.proxy = proxy;
        }

        @Override
        public void completed(HttpServerExchange exchange, ProxyConnection connection) {
            if (decide()) {
                proxy.completed(exchange, new ProxyConnection(connection.getConnection(), agent.path()));
            }
        }

        @Override
        public void failed(HttpServerExchange exchange) {
            giveUp(exchange, "the connection failed");
        }

        @Override
        public void couldNotResolveBackend(HttpServerExchange exchange) {
            giveUp(exchange, "no connection could be made");
        }

        @Override
        public void queuedRequestFailed(HttpServerExchange exchange) {
            if (decide()) {
                LOG.warn("too many requests waiting for the agent of space {} at {}", agent.spaceId(),
                        agent.address());
                answer(exchange, new ErrorReply(StatusCodes.SERVICE_UNAVAILABLE, "AGENT_BUSY",
                        "too many requests are waiting for the space's agent"));
            }
        }

        /**
         * Starts the deadline, unless the pool has already answered: it hands over an idle connection at once, and
         * most requests need no timer at all.
         */
        void armDeadline(HttpServerExchange exchange) {
            if (decided.get()) {
                return;
            }
            XnioExecutor.Key timer = exchange.getIoThread().executeAfter(
                    () -> giveUp(exchange, "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s"),
                    CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            deadline = timer;
            if (decided.get()) {
                // Decided while the timer was being set, possibly before decide() could see it.
                timer.remove();
            }
        }

        void giveUp(HttpServerExchange exchange, String reason) {
            if (decide()) {
                LOG.warn("cannot reach the agent of space {} at {}: {}", agent.spaceId(), agent.address(), reason);
                answer(exchange, new ErrorReply(StatusCodes.BAD_GATEWAY, "AGENT_UNREACHABLE",
                        "the space's agent cannot be reached"));
            }
        }

        private boolean decide() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            XnioExecutor.Key timer = deadline;
            if (timer != null) {
                timer.remove();
            }
            return true;
        }

        /** On a worker thread, as every error answer: the exchange may be in blocking mode. */
        private void answer(HttpServerExchange exchange, ErrorReply reply) {
            exchange.dispatch(new ErrorMappingHandler(unused -> {
                throw new RejectedRequestException(reply);
            }, errors));
        }
    }
}
