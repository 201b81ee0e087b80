package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

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
 * The terminal endpoint of an agent, on a real loopback socket: {@code /terminal/{shell}} behind the bearer the
 * server must present. Like a shell it echoes each text message back as a binary one; it records the binary
 * messages it receives (resizes), and how each connection ended. A few text commands make it act:
 * {@code say <text>} answers in a text message, {@code flood} answers with a binary message over the relay's
 * limit, {@code exit} closes the socket with 1000 "shell exited".
 */
final class FakeAgentTerminal implements AutoCloseable {
    static final int FLOOD_BYTES = TerminalRoutes.MAX_MESSAGE_BYTES + 1024;

    /** Upgrades that reached the terminal (a refused bearer is not one). */
    final AtomicInteger connections = new AtomicInteger();
    final BlockingQueue<byte[]> binaryReceived = new LinkedBlockingQueue<>();
    /** The code of each close message received. */
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    /** One entry per connection that has ended, however it ended. */
    final BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();
    final List<String> shells = new CopyOnWriteArrayList<>();
    final List<String> proxyMarks = new CopyOnWriteArrayList<>();

    private final Undertow server;
    private volatile String bearer;

    FakeAgentTerminal(String bearer) {
        this.bearer = bearer;
        HttpHandler terminal = Handlers.websocket((exchange, channel) -> {
            connections.incrementAndGet();
            channel.addCloseTask(closed -> {
                ended.add(true);
            });
            channel.getReceiveSetter().set(new Shell());
            channel.resumeReceives();
        });
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.pathTemplate().add("/terminal/{shell}", exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
                    if (!("Bearer " + this.bearer).equals(authorization)) {
                        exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
                        exchange.getResponseSender().send("{\"error\":\"unauthorized\"}");
                        return;
                    }
                    shells.add(exchange.getQueryParameters().get("shell").getFirst());
                    proxyMarks.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Proxy")));
                    terminal.handleRequest(exchange);
                }))
                .build();
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** From now on only this bearer opens the terminal. */
    void expectBearer(String expected) {
        this.bearer = expected;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Shell extends AbstractReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            String text = message.getData();
            if (text.startsWith("say ")) {
                WebSockets.sendText(text.substring(4), channel, null);
            } else if (text.equals("flood")) {
                WebSockets.sendBinary(ByteBuffer.allocate(FLOOD_BYTES), channel, null);
            } else if (text.equals("exit")) {
                WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "shell exited", channel, null);
            } else {
                WebSockets.sendBinary(ByteBuffer.wrap(text.getBytes(UTF_8)), channel, null);
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
                binaryReceived.add(whole.array());
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
