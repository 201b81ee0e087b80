package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.Handshake;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.AsyncWebSocketHttpServerExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the two websockets of an agent socket (a terminal, a tunnel) in that order: the agent's first, then the
 * browser's, so that a browser is only ever upgraded to a socket that exists. When the agent cannot be reached the
 * browser gets a JSON 503, when it refuses a JSON 502, and no upgrade either way. One relay serves one kind of
 * socket, with that kind's message limit.
 *
 * <p>The agent side uses java.net.http's WebSocket, not Undertow's client: its handshake has one timeout covering
 * the connect and the upgrade; it follows no redirect, so the agent's bearer cannot be carried to another address
 * (Undertow's client follows up to five, resending every header); it reports a refused handshake with its status,
 * where Undertow's gives a bare IOException; and it delivers messages on demand, which gives the bridge its
 * back-pressure. Its costs: one selector thread of its own, and a client may not send close code 1009, so the agent
 * gets 1008 where the browser gets 1009 (see {@link AgentWebsocketBridge}).
 *
 * <p>An open socket lasts only as long as its access: it is asked again every so often, and ends once the
 * credential or the user's access to the space has (see {@link AgentWebsocketBridge}).
 *
 * <p>Nothing here holds a thread while the agent answers: the request waits, dispatched to no thread, until the
 * dial completes; the browser's upgrade (or its error) is then completed on a worker thread.
 */
final class AgentWebsocketRelay {
    private static final Logger LOG = LoggerFactory.getLogger(AgentWebsocketRelay.class);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** How long an open agent socket waits for the browser's upgrade, which never comes if the browser left. */
    private static final Duration HANDOVER_TIMEOUT = Duration.ofSeconds(30);
    /** What the original server sends to agents in {@code X-Proxy}, minus its version. */
    private static final String PROXY_MARK = "knot";
    /**
     * Pings keep an idle socket open through reverse proxies in front of knot, which drop a websocket that is quiet
     * for too long (nginx after 60 s by default), and within the listener's own idle timeout.
     */
    private static final Duration LONGEST_PING_INTERVAL = Duration.ofSeconds(30);
    /** However short the idle timeout is configured, pings do not turn into a busy loop. */
    private static final Duration SHORTEST_PING_INTERVAL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HANDSHAKE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    /** Browsers speak version 13 (RFC 6455); the drafts before it are not offered. */
    private final Handshake handshake = new Hybi13Handshake();
    private final ErrorMapper errors;
    private final AuthUseCases auth;
    private final Duration keepAlive;
    private final Duration recheckEvery;
    private final String kind;
    private final int maxMessageBytes;

    /**
     * @param keepAlive how often an open socket's browser is pinged; below the listener's idle timeout
     * @param recheckEvery how often an open socket's access is asked again
     * @param kind what the sockets are, in messages and the log: {@code "terminal"}
     * @param maxMessageBytes the largest message carried either way: the agent's own limit for that kind
     */
    AgentWebsocketRelay(ErrorMapper errors, AuthUseCases auth, Duration keepAlive, Duration recheckEvery, String kind,
            int maxMessageBytes) {
        this.errors = requireNonNull(errors, "errors is null");
        this.auth = requireNonNull(auth, "auth is null");
        this.keepAlive = requireNonNull(keepAlive, "keepAlive is null");
        this.recheckEvery = requireNonNull(recheckEvery, "recheckEvery is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.maxMessageBytes = maxMessageBytes;
    }

    /** A relay whose open sockets are pinged at half the listener's idle timeout, within 100 ms..30 s. */
    static AgentWebsocketRelay forListener(JsonCodec json, AuthUseCases auth, Duration idleTimeout,
            Duration recheckEvery, String kind, int maxMessageBytes) {
        Duration halfIdle = requireNonNull(idleTimeout, "idleTimeout is null").dividedBy(2);
        Duration pingInterval = Collections.max(List.of(SHORTEST_PING_INTERVAL,
                Collections.min(List.of(halfIdle, LONGEST_PING_INTERVAL))));
        return new AgentWebsocketRelay(new ErrorMapper(requireNonNull(json, "json is null")), auth, pingInterval,
                recheckEvery, kind, maxMessageBytes);
    }

    /** Whether the request is a websocket handshake this relay can complete. */
    boolean isHandshake(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.GET)
                && HeaderTokens.contains(exchange.getRequestHeaders().get(Headers.UPGRADE), "websocket")
                && HeaderTokens.contains(exchange.getRequestHeaders().get(Headers.CONNECTION), "upgrade")
                && handshake.matches(new AsyncWebSocketHttpServerExchange(exchange, Set.of()));
    }

    /**
     * The agent the caller may open a socket to, by {@code spaceCheck}, once the request is known to be a websocket
     * handshake: nothing is looked up for anything else.
     */
    AgentEndpoint admit(HttpServerExchange exchange, Function<User, AgentEndpoint> spaceCheck) {
        if (!isHandshake(exchange)) {
            throw notAWebsocket();
        }
        return spaceCheck.apply(Caller.of(exchange).user());
    }

    /**
     * Dials {@code agentPath} on the agent and, once it is open, upgrades the browser and joins the two. Call it from
     * a route handler, with {@code agent} from {@link #admit}; it returns at once.
     *
     * @param agentPath the agent's websocket, {@code /terminal/bash}; made of checked parts only
     * @param spaceCheck what admitted the caller, asked again (with the credential) while the socket is open
     */
    void open(HttpServerExchange exchange, AgentEndpoint agent, String agentPath,
            Function<User, AgentEndpoint> spaceCheck) {
        AgentSocketAccess access = AgentSocketAccess.of(exchange, auth, agent, spaceCheck);
        AgentWebsocketBridge bridge = new AgentWebsocketBridge(agent.space().id(), access,
                "a " + kind + " (" + agentPath + ")", keepAlive, recheckEvery, maxMessageBytes);
        // The exchange outlives the handler: it ends when the dial completes, not when this thread returns.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            try {
                URI target = URI.create("ws://" + agent.address() + agentPath);
                http.newWebSocketBuilder()
                        .connectTimeout(HANDSHAKE_TIMEOUT)
                        .header("Authorization", "Bearer " + agent.bearer())
                        .header("X-Proxy", PROXY_MARK)
                        .buildAsync(target, bridge)
                        .whenComplete((opened, failure) -> {
                            if (failure == null) {
                                upgrade(exchange, bridge);
                            } else {
                                refuse(exchange, agent, failure);
                            }
                        });
            } catch (RuntimeException failure) {
                refuse(exchange, agent, failure);
            }
        });
    }

    private void upgrade(HttpServerExchange exchange, AgentWebsocketBridge bridge) {
        CompletableFuture.delayedExecutor(HANDOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(bridge::abandonUnlessAttached);
        HttpHandler notAHandshake = unused -> {
            bridge.abandonUnlessAttached();
            throw notAWebsocket();
        };
        WebSocketConnectionCallback joinBrowser = (facade, browser) -> bridge.attach(browser);
        HttpHandler upgrading = new WebSocketProtocolHandshakeHandler(List.of(handshake), joinBrowser, notAHandshake);
        exchange.dispatch(new ErrorMappingHandler(upgrading, errors));
    }

    private void refuse(HttpServerExchange exchange, AgentEndpoint agent, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        ErrorReply reply;
        if (cause instanceof WebSocketHandshakeException refused) {
            LOG.warn("the agent of space {} at {} refused a {}: HTTP {}", agent.space().id(), agent.address(), kind,
                    refused.getResponse().statusCode());
            reply = new ErrorReply(StatusCodes.BAD_GATEWAY, "AGENT_REFUSED", "the space's agent refused the " + kind);
        } else {
            // The message of a connect failure names the address at most; the bearer is only ever in a header.
            LOG.warn("cannot reach the agent of space {} at {}: {}", agent.space().id(), agent.address(),
                    cause.toString());
            reply = new ErrorReply(StatusCodes.SERVICE_UNAVAILABLE, "AGENT_UNREACHABLE",
                    "the space's agent cannot be reached");
        }
        exchange.dispatch(new ErrorMappingHandler(unused -> {
            throw new RejectedRequestException(reply);
        }, errors));
    }

    KnotException notAWebsocket() {
        return KnotException.invalid("a " + kind + " is opened with a websocket handshake");
    }
}
