package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;

/**
 * Reads one whole websocket message, closing the socket (1009) as soon as it passes the limit. Undertow's own
 * buffered readers check the limit only on some read paths, so a slow sender could get past it.
 */
final class BoundedMessageReader implements ChannelListener<StreamSourceFrameChannel> {
    /** Receives a complete message. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] payload) throws IOException;
    }

    private static final int CHUNK = 4096;

    private final long limit;
    private final Sink sink;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();

    private BoundedMessageReader(long limit, Sink sink) {
        this.limit = limit;
        this.sink = requireNonNull(sink, "sink is null");
    }

    static void read(StreamSourceFrameChannel frames, long limit, Sink sink) {
        BoundedMessageReader reader = new BoundedMessageReader(limit, sink);
        frames.getReadSetter().set(reader);
        reader.handleEvent(frames);
    }

    @Override
    public void handleEvent(StreamSourceFrameChannel frames) {
        WebSocketChannel socket = frames.getWebSocketChannel();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try {
            while (true) {
                buffer.clear();
                int read = frames.read(buffer);
                if (read < 0) {
                    frames.getReadSetter().set(null);
                    sink.accept(message.toByteArray());
                    return;
                }
                if (read == 0) {
                    frames.resumeReads();
                    return;
                }
                if (message.size() + read > limit) {
                    refuse(frames, socket);
                    return;
                }
                message.write(buffer.array(), 0, read);
            }
        }
        catch (IOException broken) {
            IoUtils.safeClose(socket);
        }
    }

    private void refuse(StreamSourceFrameChannel frames, WebSocketChannel socket) {
        frames.getReadSetter().set(null);
        WebSockets.sendClose(new CloseMessage(CloseMessage.MSG_TOO_BIG, "message over " + limit + " bytes"), socket,
                new WebSocketCallback<Void>() {
                    @Override
                    public void complete(WebSocketChannel channel, Void context) {
                        IoUtils.safeClose(channel);
                    }

                    @Override
                    public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
                        IoUtils.safeClose(channel);
                    }
                });
    }
}
