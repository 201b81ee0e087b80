package dev.knot.adapter.http;

import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The TCP tunnel endpoint of an agent: {@code /tcp/{port}}. Instead of connecting to the port it echoes every
 * binary message back as it came, empty ones (keepalives) included, and records the size of each. Like the real
 * agent it ends the tunnel on a text message (close 1000); {@code flood} as text first sends a binary message over
 * the tunnel limit instead.
 */
final class FakeAgentTunnel extends FakeAgentEndpoint {
    static final int FLOOD_BYTES = TunnelRoutes.MAX_MESSAGE_BYTES + 1024;

    /** The {port} of each tunnel opened, as the agent saw it in its path. */
    final List<String> ports = pathParameters;
    /** The size of each binary message received, in order. */
    final BlockingQueue<Integer> messageSizes = new LinkedBlockingQueue<>();

    FakeAgentTunnel(String bearer) {
        super(bearer, "tcp", "port");
    }

    @Override
    void onTextMessage(WebSocketChannel channel, String text) {
        if (text.equals("flood")) {
            WebSockets.sendBinary(ByteBuffer.allocate(FLOOD_BYTES), channel, null);
        } else {
            WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "", channel, null);
        }
    }

    @Override
    void onBinaryMessage(WebSocketChannel channel, byte[] message) {
        messageSizes.add(message.length);
        WebSockets.sendBinary(ByteBuffer.wrap(message), channel, null);
    }
}
