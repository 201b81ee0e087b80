package dev.knot.agent;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A dev server's hot-reload socket, or a web VNC server's websockify endpoint: echoes text and binary messages, and
 * records each handshake's path and Authorization.
 */
final class EchoWebSocketBackend implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    /** A handshake as the app saw it. */
    record Handshake(String uri, String authorization) {}

    private final Undertow server;
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();

    /** Plain websockets (ws://). */
    EchoWebSocketBackend() {
        this(builder -> builder.addHttpListener(0, LOOPBACK));
    }

    /** Websockets over TLS (wss://) with the given server certificate. */
    EchoWebSocketBackend(SSLContext tls) {
        this(builder -> builder.addHttpsListener(0, LOOPBACK, tls));
    }

    private EchoWebSocketBackend(Consumer<Undertow.Builder> listener) {
        Undertow.Builder builder = Undertow.builder();
        listener.accept(builder);
        server = builder
                .setHandler(Handlers.websocket((exchange, channel) -> {
                    handshakes.add(new Handshake(exchange.getRequestURI(), exchange.getRequestHeader("Authorization")));
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel socket, BufferedTextMessage message) {
                            WebSockets.sendText(message.getData(), socket, null);
                        }

                        @Override
                        protected void onFullBinaryMessage(WebSocketChannel socket, BufferedBinaryMessage message) {
                            WebSockets.sendBinary(message.getData().getResource(), socket, null);
                        }
                    });
                    channel.resumeReceives();
                }))
                .build();
        server.start();
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    @Override
    public void close() {
        server.stop();
    }
}
