package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * One open agent socket, a terminal or a tunnel: the browser's websocket (Undertow, server side; "browser" stands for
 * whatever client opened it) joined to the agent's (java.net.http, client side). Messages keep their type both ways,
 * so a terminal's keystrokes stay text and its output and {@code 0x01} resize message stay binary, byte for byte; a
 * tunnel's bytes stay binary, and its empty keepalive messages pass as empty messages.
 *
 * <p>Each direction carries one whole message at a time: the next is not read from one side until the previous one
 * has been written to the other, so a slow side slows the other down instead of filling the server's memory. A
 * message over the limit, the agent's own for that socket, ends it (close code 1009 to the browser). When either side
 * closes or fails, the other is closed too. The browser is pinged while the socket is open, because an idle terminal
 * or tunnel is normal and the listener drops connections idle for longer than its idle timeout.
 *
 * <p>While the socket is open its access is asked again periodically ({@link AgentSocketAccess}): once it has ended,
 * the browser is sent close code 1008 (policy violation) with the reason, and the agent a normal close. A store that
 * cannot answer ends nothing; the next period asks again. Asking blocks, so it runs on the worker pool; only its
 * timer is on the browser's I/O thread, and it stops when the browser's side closes. Nothing else here blocks, and
 * nothing logs what the socket carries.
 */
final class AgentWebsocketBridge implements WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentWebsocketBridge.class);
    /** How long a side that was sent a close may take to answer it before its connection is cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Id<Space> spaceId;
    private final AgentSocketAccess access;
    private final String description;
    private final Duration keepAlive;
    private final Duration recheckEvery;
    private final int maxMessageBytes;
    private final String tooBig;
    private final AtomicBoolean agentClosing = new AtomicBoolean();
    /** The agent's message being assembled from its parts; touched only by the listener methods, one at a time. */
    private final ByteArrayOutputStream fromAgent = new ByteArrayOutputStream();

    private volatile WebSocket agent;
    private volatile WebSocketChannel browser;
    private volatile XnioExecutor.Key nextPing;
    /** The next re-check's timer; guarded by this, as is browserGone, so no timer is set once the browser is gone. */
    private XnioExecutor.Key nextRecheck;
    private boolean browserGone;
    /**
     * The close the browser is sent once its access has ended, set before the agent is closed: the agent's answer
     * to that close must not reach the browser in its place.
     */
    private volatile CloseMessage accessEnded;
    /** How the browser side ended: the close it sent, or the one sent to it; null while it is open. */
    private volatile CloseMessage browserEnd;
    /** How the agent side ended, if it did before the browser was attached; guarded by this. */
    private CloseMessage agentEnd;
    private boolean abandoned;

    /**
     * @param access what the socket stands on, asked again every {@code recheckEvery}
     * @param description what the socket is, for the log: {@code "a terminal (/terminal/bash)"}
     * @param keepAlive how often the browser is pinged
     * @param maxMessageBytes the largest message carried either way
     */
    AgentWebsocketBridge(Id<Space> spaceId, AgentSocketAccess access, String description, Duration keepAlive,
            Duration recheckEvery, int maxMessageBytes) {
        this.spaceId = requireNonNull(spaceId, "spaceId is null");
        this.access = requireNonNull(access, "access is null");
        this.description = requireNonNull(description, "description is null");
        this.keepAlive = requirePositive(keepAlive, "keepAlive");
        this.recheckEvery = requirePositive(recheckEvery, "recheckEvery");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, got " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.tooBig = "message over " + maxMessageBytes + " bytes";
    }

    /** Joins the browser's freshly upgraded socket; until now nothing was read from the agent. */
    synchronized void attach(WebSocketChannel upgraded) {
        requireNonNull(upgraded, "upgraded is null");
        if (abandoned) {
            IoUtils.safeClose(upgraded);
            return;
        }
        browser = upgraded;
        upgraded.getReceiveSetter().set(new BrowserMessages());
        upgraded.addCloseTask(closed -> browserClosed());
        upgraded.resumeReceives();
        schedulePing();
        scheduleRecheck();
        LOG.info("{} opened {} to space {}", access.username(), description, spaceId);
        if (agentEnd != null) {
            closeBrowser(agentEnd, CLOSE_GRACE);
        } else {
            agent.request(1);
        }
    }

    /** Drops the agent's socket if the browser's upgrade never completed (the browser went away meanwhile). */
    synchronized void abandonUnlessAttached() {
        if (browser == null && !abandoned) {
            abandoned = true;
            LOG.debug("the browser left before {} to space {} opened", description, spaceId);
            if (agent != null) {
                agent.abort();
            }
        }
    }

    // ---- agent to browser (java.net.http delivers these one at a time, each after a request) ----

    @Override
    public void onOpen(WebSocket opened) {
        // No request yet: the agent's output waits in its socket until the browser is there to take it.
        agent = opened;
    }

    @Override
    public CompletionStage<?> onText(WebSocket from, CharSequence part, boolean last) {
        fromAgent(part.toString().getBytes(UTF_8), last, true);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket from, ByteBuffer part, boolean last) {
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        fromAgent(bytes, last, false);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket from, int code, String reason) {
        // java.net.http answers the close itself.
        agentClosing.set(true);
        agentEnded(new CloseMessage(sendableToBrowser(code), reason));
        return null;
    }

    @Override
    public void onError(WebSocket from, Throwable error) {
        agentClosing.set(true);
        LOG.debug("the agent side of {} to space {} failed: {}", description, spaceId, error.getClass().getName());
        agentEnded(new CloseMessage(CloseMessage.UNEXPECTED_ERROR, "the agent connection failed"));
    }

    private void fromAgent(byte[] part, boolean last, boolean text) {
        if (fromAgent.size() + part.length > maxMessageBytes) {
            fromAgent.reset();
            closeAgent(CloseMessage.MSG_VIOLATES_POLICY, tooBig);
            closeBrowser(new CloseMessage(CloseMessage.MSG_TOO_BIG, tooBig), CLOSE_GRACE);
            return;
        }
        fromAgent.writeBytes(part);
        if (!last) {
            agent.request(1);
            return;
        }
        ByteBuffer message = ByteBuffer.wrap(fromAgent.toByteArray());
        fromAgent.reset();
        WebSocketCallback<Void> thenReadMore = new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel channel, Void context) {
                agent.request(1);
            }

            @Override
            public void onError(WebSocketChannel channel, Void context, Throwable failure) {
                IoUtils.safeClose(channel);
            }
        };
        if (text) {
            WebSockets.sendText(message, browser, thenReadMore);
        } else {
            WebSockets.sendBinary(message, browser, thenReadMore);
        }
    }

    private synchronized void agentEnded(CloseMessage end) {
        if (browser == null) {
            agentEnd = end;
        } else {
            CloseMessage revoked = accessEnded;
            closeBrowser(revoked == null ? end : revoked, CLOSE_GRACE);
        }
    }

    // ---- browser to agent (Undertow) ----

    /** Reads the browser's messages; receiving is suspended while one is on its way to the agent. */
    private final class BrowserMessages extends AbstractReceiveListener {
        @Override
        protected void onText(WebSocketChannel channel, StreamSourceFrameChannel frames) {
            BoundedMessageReader.read(frames, maxMessageBytes, message -> toAgent(message, true),
                    AgentWebsocketBridge.this::browserMessageTooBig);
        }

        @Override
        protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel frames) {
            BoundedMessageReader.read(frames, maxMessageBytes, message -> toAgent(message, false),
                    AgentWebsocketBridge.this::browserMessageTooBig);
        }

        @Override
        protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
            browserEnd = message;
        }

        @Override
        protected void onError(WebSocketChannel channel, Throwable error) {
            LOG.debug("the browser side of {} to space {} failed: {}", description, spaceId,
                    error.getClass().getName());
            super.onError(channel, error);
        }
    }

    private void toAgent(byte[] message, boolean text) {
        WebSocketChannel from = browser;
        from.suspendReceives();
        CompletableFuture<WebSocket> sent = text
                ? agent.sendText(new String(message, UTF_8), true)
                : agent.sendBinary(ByteBuffer.wrap(message), true);
        sent.whenComplete((ignored, failure) -> {
            if (failure == null) {
                from.resumeReceives();
            } else {
                closeBrowser(new CloseMessage(CloseMessage.UNEXPECTED_ERROR, "the agent connection failed"),
                        CLOSE_GRACE);
            }
        });
    }

    private void browserMessageTooBig() {
        // The rest of the message is still unread, so the browser's answer to the close could not be read either.
        closeBrowser(new CloseMessage(CloseMessage.MSG_TOO_BIG, tooBig), Duration.ZERO);
    }

    /** Whatever closed the browser's side (its close, ours, an error, the server stopping) closes the agent's. */
    private void browserClosed() {
        XnioExecutor.Key ping = nextPing;
        if (ping != null) {
            ping.remove();
        }
        synchronized (this) {
            browserGone = true;
            if (nextRecheck != null) {
                nextRecheck.remove();
            }
        }
        CloseMessage end = browserEnd;
        if (end == null) {
            closeAgent(CloseMessage.GOING_AWAY, "the browser went away");
        } else {
            closeAgent(sendableToAgent(end.getCode()), end.getReason());
        }
        LOG.debug("{} to space {} closed", description, spaceId);
    }

    private void closeBrowser(CloseMessage end, Duration grace) {
        WebSocketChannel channel = browser;
        if (!channel.isOpen() || channel.isCloseFrameSent()) {
            return;
        }
        browserEnd = end;
        WebSockets.sendClose(end, channel, new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel closing, Void context) {
                if (grace.isZero()) {
                    IoUtils.safeClose(closing);
                    return;
                }
                try {
                    closing.getIoThread().executeAfter(
                            () -> IoUtils.safeClose(closing), grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    IoUtils.safeClose(closing);
                }
            }

            @Override
            public void onError(WebSocketChannel closing, Void context, Throwable failure) {
                IoUtils.safeClose(closing);
            }
        });
    }

    private void closeAgent(int code, String reason) {
        if (!agentClosing.compareAndSet(false, true)) {
            return;
        }
        WebSocket socket = agent;
        socket.sendClose(code, reason);
        // sendClose only closes our output; the agent's answer closes the rest, or this does. Not on the browser's
        // I/O thread, which is gone when the server stops.
        CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(socket::abort);
    }

    private void schedulePing() {
        try {
            nextPing = browser.getIoThread().executeAfter(this::ping, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping and closes the socket itself.
        }
    }

    private void ping() {
        if (browser.isOpen() && !browser.isCloseFrameSent()) {
            WebSockets.sendPing(ByteBuffer.allocate(0), browser, null);
            schedulePing();
        }
    }

    private synchronized void scheduleRecheck() {
        if (browserGone) {
            return;
        }
        try {
            nextRecheck = browser.getIoThread().executeAfter(this::startRecheck, recheckEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping and closes the socket itself.
        }
    }

    /** On the I/O thread: hands the re-check, which blocks on the stores, to the worker pool. */
    private void startRecheck() {
        try {
            browser.getWorker().execute(this::recheck);
        } catch (RejectedExecutionException stopping) {
            // The server is stopping and closes the socket itself.
        }
    }

    private void recheck() {
        if (!browser.isOpen() || browser.isCloseFrameSent()) {
            return;
        }
        AgentSocketAccess.Verdict verdict;
        try {
            verdict = access.recheck();
        } catch (KnotException unavailable) {
            LOG.warn("cannot re-check the access of {} to {} to space {}, trying again in {}: {}: {}",
                    access.username(), description, spaceId, recheckEvery, unavailable.code(),
                    unavailable.getMessage());
            scheduleRecheck();
            return;
        }
        if (verdict == AgentSocketAccess.Verdict.GRANTED) {
            scheduleRecheck();
            return;
        }
        LOG.info("{} lost {} to space {}: {}", access.username(), description, spaceId, verdict.reason());
        CloseMessage revoked = new CloseMessage(CloseMessage.MSG_VIOLATES_POLICY, verdict.reason());
        accessEnded = revoked;
        // The agent first, so that the browser's answer to its close does not close the agent with 1008 instead.
        closeAgent(CloseMessage.NORMAL_CLOSURE, verdict.reason());
        closeBrowser(revoked, CLOSE_GRACE);
    }

    private static Duration requirePositive(Duration duration, String name) {
        requireNonNull(duration, name + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }

    /** The browser's code for the agent, where java.net.http lets a client send it (it refuses 1009, for one). */
    static int sendableToAgent(int code) {
        if (code == CloseMessage.MSG_TOO_BIG) {
            return CloseMessage.MSG_VIOLATES_POLICY;
        }
        boolean sendable = code == CloseMessage.NORMAL_CLOSURE || code == CloseMessage.GOING_AWAY
                || code == CloseMessage.MSG_VIOLATES_POLICY || code == CloseMessage.UNEXPECTED_ERROR
                || (code >= 3000 && code <= 4999);
        return sendable ? code : CloseMessage.NORMAL_CLOSURE;
    }

    /** The agent's code for the browser; 1005 (none given) and codes that must not be sent become 1000. */
    static int sendableToBrowser(int code) {
        boolean sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
        return sendable ? code : CloseMessage.NORMAL_CLOSURE;
    }
}
