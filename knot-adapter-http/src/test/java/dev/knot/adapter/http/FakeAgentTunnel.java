package dev.knot.adapter.http;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.Pooled;

/**
 * The TCP tunnel endpoint of an agent, on a real loopback socket: {@code /tcp/{port}} behind the bearer the server
 * must present. Instead of connecting to the port it echoes every binary message back as it came, empty ones
 * (keepalives) included, and records the size of each. Like the real agent it ends the tunnel on a text message
 * (close 1000); {@code flood} as text first sends a binary message over the tunnel limit instead.
 */
final class FakeAgentTunnel implements AutoCloseable {
    static final int FLOOD_BYTES = TunnelRoutes.MAX_MESSAGE_BYTES + 1024;

    /** Upgrades that reached the tunnel (a refused bearer is not one). */
    final AtomicInteger connections = new AtomicInteger();
    /** The {port} of each tunnel opened, as the agent saw it in its path. */
    final List<String> ports = new CopyOnWriteArrayList<>();
    final List<String> proxyMarks = new CopyOnWriteArrayList<>();
    /** The size of each binary message received, in order. */
    final BlockingQueue<Integer> messageSizes = new LinkedBlockingQueue<>();
    /** The code of each close message received. */
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    /** One entry per connection that has ended, however it ended. */
    final BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();

    private final Undertow server;
    private volatile String bearer;

    FakeAgentTunnel(String bearer) {
        this.bearer = bearer;
        HttpHandler tunnel = Handlers.websocket((exchange, channel) -> {
            connections.incrementAndGet();
            channel.addCloseTask(closed -> ended.add(true));
            channel.getReceiveSetter().set(new Echo());
            channel.resumeReceives();
        });
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.pathTemplate().add("/tcp/{port}", exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
                    if (!("Bearer " + this.bearer).equals(authorization)) {
                        exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
                        exchange.getResponseSender().send("{\"error\":\"unauthorized\"}");
                        return;
                    }
                    ports.add(exchange.getQueryParameters().get("port").getFirst());
                    proxyMarks.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Proxy")));
                    tunnel.handleRequest(exchange);
                }))
                .build();
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** From now on only this bearer opens a tunnel. */
    void expectBearer(String expected) {
        this.bearer = expected;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Echo extends AbstractReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            if (message.getData().equals("flood")) {
                WebSockets.sendBinary(ByteBuffer.allocate(FLOOD_BYTES), channel, null);
            } else {
                WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "", channel, null);
            }
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            Pooled<ByteBuffer[]> data = message.getData();
            try {
                ByteBuffer[] buffers = data.getResource();
                int size = 0;
                for (ByteBuffer buffer : buffers) {
                    size += buffer.remaining();
                }
                ByteBuffer whole = ByteBuffer.allocate(size);
                for (ByteBuffer buffer : buffers) {
                    whole.put(buffer);
                }
                messageSizes.add(size);
                WebSockets.sendBinary(whole.flip(), channel, null);
            } finally {
                data.free();
            }
        }

        @Override
        protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
            closeCodes.add(message.getCode());
        }
    }
}
