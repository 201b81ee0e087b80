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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.Pooled;

/**
 * A websocket endpoint of an agent on a real loopback socket, behind the bearer the server must present, which
 * records what every fake agent's test asks about: the upgrades, the path parameter and proxy mark of each, the
 * close codes received and the connections ended. What a message does is the subclass's.
 */
abstract class FakeAgentEndpoint implements AutoCloseable {
    /** Upgrades that reached the endpoint (a refused bearer is not one). */
    final AtomicInteger connections = new AtomicInteger();
    final List<String> proxyMarks = new CopyOnWriteArrayList<>();
    /** The code of each close message received. */
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    /** One entry per connection that has ended, however it ended. */
    final BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();
    /** The path parameter of each upgrade accepted, as the agent saw it. */
    final List<String> pathParameters = new CopyOnWriteArrayList<>();

    private final Undertow server;
    private volatile String bearer;

    /** Serves {@code /{prefix}/{parameter}}. */
    FakeAgentEndpoint(String bearer, String prefix, String parameter) {
        this.bearer = bearer;
        HttpHandler websocket = Handlers.websocket((exchange, channel) -> {
            connections.incrementAndGet();
            channel.addCloseTask(closed -> ended.add(true));
            channel.getReceiveSetter().set(new Receiver());
            channel.resumeReceives();
        });
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.pathTemplate().add("/" + prefix + "/{" + parameter + "}", exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
                    if (!("Bearer " + this.bearer).equals(authorization)) {
                        exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
                        exchange.getResponseSender().send("{\"error\":\"unauthorized\"}");
                        return;
                    }
                    pathParameters.add(exchange.getQueryParameters().get(parameter).getFirst());
                    proxyMarks.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Proxy")));
                    websocket.handleRequest(exchange);
                }))
                .build();
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** From now on only this bearer opens the endpoint. */
    void expectBearer(String expected) {
        this.bearer = expected;
    }

    @Override
    public void close() {
        server.stop();
    }

    abstract void onTextMessage(WebSocketChannel channel, String text);

    /** A whole binary message, however many buffers it came in. */
    abstract void onBinaryMessage(WebSocketChannel channel, byte[] message);

    private final class Receiver extends AbstractReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            onTextMessage(channel, message.getData());
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
                onBinaryMessage(channel, whole.array());
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
