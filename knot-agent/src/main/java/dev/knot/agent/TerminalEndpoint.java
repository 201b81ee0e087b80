package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web terminal (reference §6.4): a PTY running a shell. PTY output goes out as binary frames of up to 1 KiB;
 * text frames coming in are keystrokes; a frame whose first byte is 0x01 followed by {"cols":C,"rows":R} resizes.
 * The original took the resize as a binary frame; both kinds are accepted. Frames over 64 KiB close the socket.
 */
final class TerminalEndpoint implements WebSocketConnectionCallback {
    static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TerminalEndpoint.class);
    private static final int READ_CHUNK = 1024;
    private static final byte RESIZE = 0x01;
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final ObjectMapper json = new ObjectMapper();
    private final Path home;
    private final Map<String, String> environment;
    private final Shells shells;

    /** Shells start in {@code home} with the agent's {@code environment}, found on its PATH. */
    TerminalEndpoint(Path home, Map<String, String> environment) {
        this.home = requireNonNull(home, "home is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.shells = new Shells(environment.getOrDefault("PATH", DEFAULT_PATH));
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        List<String> shellParameter = exchange.getRequestParameters().getOrDefault("shell", List.of());
        String requested = shellParameter.isEmpty() ? "" : shellParameter.get(0);
        Optional<Path> shell = shells.find(requested);
        if (shell.isEmpty()) {
            refuse(channel);
            return;
        }
        PtyProcess process;
        try {
            Map<String, String> shellEnvironment = new HashMap<>(environment);
            shellEnvironment.putIfAbsent("TERM", "xterm-256color");
            process = new PtyProcessBuilder(new String[] {shell.get().toString()})
                    .setEnvironment(shellEnvironment)
                    .setDirectory(home.toString())
                    .setInitialColumns(80)
                    .setInitialRows(24)
                    .start();
        }
        catch (IOException cannotStart) {
            LOG.warn("cannot start {}: {}", shell.get(), cannotStart.getMessage());
            refuse(channel);
            return;
        }
        LOG.info("terminal opened with {}", shell.get());
        channel.addCloseTask(closed -> process.destroyForcibly());
        channel.getReceiveSetter().set(new Keystrokes(process));
        channel.resumeReceives();
        Thread output = new Thread(() -> copyOutput(process, channel), "terminal-output");
        output.setDaemon(true);
        output.start();
    }

    // The original's message, then a close: the browser shows why the terminal is empty.
    private static void refuse(WebSocketChannel channel) {
        WebSockets.sendText("No valid shell found", channel, null);
        WebSockets.sendClose(CloseMessage.UNEXPECTED_ERROR, "no shell", channel, null);
    }

    private static void copyOutput(PtyProcess process, WebSocketChannel channel) {
        byte[] buffer = new byte[READ_CHUNK];
        try (InputStream in = process.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (read > 0) {
                    WebSockets.sendBinaryBlocking(ByteBuffer.wrap(buffer.clone(), 0, read), channel);
                }
            }
        }
        catch (IOException ended) {
            // the PTY closed because the shell exited or the socket went away
        }
        process.destroyForcibly();
        if (channel.isOpen()) {
            WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "shell exited", channel, null);
        }
    }

    /** Feeds frames from the browser to the PTY. */
    private final class Keystrokes extends AbstractReceiveListener {
        private final PtyProcess process;
        private final OutputStream in;

        Keystrokes(PtyProcess process) {
            this.process = requireNonNull(process, "process is null");
            this.in = process.getOutputStream();
        }

        @Override
        protected void onText(WebSocketChannel socket, StreamSourceFrameChannel frames) {
            BoundedMessageReader.read(frames, MAX_FRAME_BYTES, this::keystrokes);
        }

        @Override
        protected void onBinary(WebSocketChannel socket, StreamSourceFrameChannel frames) {
            BoundedMessageReader.read(frames, MAX_FRAME_BYTES, payload -> {
                // Binary frames carry only resizes (the original's form); anything else is not keystrokes.
                if (payload.length > 0 && payload[0] == RESIZE) {
                    resize(payload);
                }
            });
        }

        private void keystrokes(byte[] payload) throws IOException {
            if (payload.length > 0 && payload[0] == RESIZE) {
                resize(payload);
                return;
            }
            in.write(payload);
            in.flush();
        }

        @Override
        protected void onError(WebSocketChannel socket, Throwable error) {
            LOG.info("terminal closed: {}", error.getMessage());
            process.destroyForcibly();
            super.onError(socket, error);
        }

        private void resize(byte[] message) {
            try {
                JsonNode size = json.readTree(message, 1, message.length - 1);
                if (size == null) {
                    return;
                }
                int columns = size.path("cols").asInt(0);
                int rows = size.path("rows").asInt(0);
                if (columns > 0 && rows > 0 && columns < 10_000 && rows < 10_000) {
                    process.setWinSize(new WinSize(columns, rows));
                }
            }
            catch (IOException | IllegalStateException ignoredSize) {
                LOG.debug("ignored a malformed resize message");
            }
        }
    }
}
