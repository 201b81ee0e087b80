package dev.knot.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one timer thread that sends the keepalive frames of a command's tunnels. */
final class Keepalives {
    /** Well inside the server's idle timeout (120 s) and common proxies' (60 s). */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private Keepalives() {}

    static ScheduledExecutorService scheduler() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> WebSocketTunnel.daemon(runnable,
                "knot-tunnel-keepalive"));
    }
}
