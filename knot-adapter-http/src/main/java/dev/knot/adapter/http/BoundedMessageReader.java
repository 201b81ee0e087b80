package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;

/**
 * Reads one whole websocket message (all its fragments) from Undertow without blocking, and gives up as soon as it
 * passes the limit, before the rest is buffered. Undertow's own buffered readers check their limit on only some
 * read paths, so a sender that trickles its frames could get past them (the agent reads its frames the same way).
 */
final class BoundedMessageReader implements ChannelListener<StreamSourceFrameChannel> {
    private static final int CHUNK = 4096;

    private final long limit;
    private final Consumer<byte[]> complete;
    private final Runnable tooBig;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

    private BoundedMessageReader(long limit, Consumer<byte[]> complete, Runnable tooBig) {
        this.limit = limit;
        this.complete = requireNonNull(complete, "complete is null");
        this.tooBig = requireNonNull(tooBig, "tooBig is null");
    }

    /**
     * Reads the message of {@code frames}, then hands it to {@code complete}; calls {@code tooBig} instead, and reads
     * no further, once it is over {@code limit} bytes. A read failure closes the socket.
     */
    static void read(StreamSourceFrameChannel frames, long limit, Consumer<byte[]> complete, Runnable tooBig) {
        BoundedMessageReader reader = new BoundedMessageReader(limit, complete, tooBig);
        frames.getReadSetter().set(reader);
        reader.handleEvent(frames);
    }

    @Override
    public void handleEvent(StreamSourceFrameChannel frames) {
        WebSocketChannel socket = frames.getWebSocketChannel();
        try {
            while (true) {
                chunk.clear();
                int read = frames.read(chunk);
                if (read < 0) {
                    stopReading(frames);
                    complete.accept(message.toByteArray());
                    return;
                }
                if (read == 0) {
                    frames.resumeReads();
                    return;
                }
                if (message.size() + read > limit) {
                    stopReading(frames);
                    tooBig.run();
                    return;
                }
                message.write(chunk.array(), 0, read);
            }
        } catch (IOException broken) {
            stopReading(frames);
            IoUtils.safeClose(socket);
        }
    }

    private static void stopReading(StreamSourceFrameChannel frames) {
        frames.getReadSetter().set(null);
        frames.suspendReads();
    }
}
