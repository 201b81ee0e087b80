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

/** A dev server's hot-reload socket: echoes text and binary messages, and records each handshake's path and bearer. */
final class EchoWebSocketBackend implements AutoCloseable {
    /** A handshake as the app saw it. */
    record Handshake(String uri, String authorization) {}

    private final Undertow server;
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();

    EchoWebSocketBackend() {
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
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
