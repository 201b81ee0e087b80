package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The terminal endpoint of an agent: {@code /terminal/{shell}}. Like a shell it echoes each text message back as a
 * binary one; it records the binary messages it receives (resizes). A few text commands make it act:
 * {@code say <text>} answers in a text message, {@code flood} answers with a binary message over the relay's
 * limit, {@code exit} closes the socket with 1000 "shell exited".
 */
final class FakeAgentTerminal extends FakeAgentEndpoint {
    static final int FLOOD_BYTES = TerminalRoutes.MAX_MESSAGE_BYTES + 1024;

    final BlockingQueue<byte[]> binaryReceived = new LinkedBlockingQueue<>();
    /** The {shell} of each terminal opened, as the agent saw it in its path. */
    final List<String> shells = pathParameters;

    FakeAgentTerminal(String bearer) {
        super(bearer, "terminal", "shell");
    }

    @Override
    void onTextMessage(WebSocketChannel channel, String text) {
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
    void onBinaryMessage(WebSocketChannel channel, byte[] message) {
        binaryReceived.add(message);
    }
}
