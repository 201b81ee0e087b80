package dev.knot.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Checks which of the space's services are up, the way the original does before each report (§6.2). */
final class LocalServices {
    static final String AGENT_VERSION = "0.9.6";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final AgentConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    LocalServices(AgentConfig config) {
        this.config = config;
    }

    StatusReport report() throws InterruptedException {
        Map<String, String> httpPorts = new HashMap<>(config.httpPorts());
        httpPorts.putAll(config.httpsPorts());
        return new StatusReport(
                AGENT_VERSION,
                config.codeServerPort() > 0 && codeServerHealthy(),
                config.sshPort() > 0 && listening(config.sshPort()) ? config.sshPort() : 0,
                config.vncHttpPort() > 0 && listening(config.vncHttpPort()) ? config.vncHttpPort() : 0,
                config.enableTerminal(),
                config.tcpPorts(),
                httpPorts);
    }

    private boolean codeServerHealthy() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + config.codeServerPort() + "/healthz"))
                .timeout(TIMEOUT)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException down) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            return true;
        }
        catch (IOException down) {
            return false;
        }
    }
}
