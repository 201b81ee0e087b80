package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The agent's calls to the server: registration and state reports (reference §4.3 "Agent routes"). */
final class ServerClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI server;
    private final String spaceId;
    private final String registrationKey;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** Thrown when a call fails; the message never contains the token nor the registration key. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CallFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @param registrationKey the space's key (KNOT_AGENT_KEY), which proves the agent runs in the space's job */
    ServerClient(URI server, String spaceId, String registrationKey, boolean skipTlsVerify) {
        this.server = requireNonNull(server, "server is null");
        this.spaceId = requireNonNull(spaceId, "spaceId is null");
        this.registrationKey = requireNonNull(registrationKey, "registrationKey is null");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (skipTlsVerify) {
            // Only when tls_skip_verify is set explicitly: spaces that reach the server by a self-signed certificate.
            builder.sslContext(TrustingEverything.sslContext());
        }
        this.http = builder.build();
    }

    /**
     * Registers this agent. The advertised address and the registration key ride along in the body; the original
     * server ignores any body, so this stays compatible with it.
     */
    Registration register(HostPort advertise, String agentVersion) throws CallFailed, InterruptedException {
        byte[] body = write(Map.of("address", advertise.toString(), "agent_version", agentVersion,
                "registration_key", registrationKey));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/agents/" + spaceId))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = send(request, "registration");
        try {
            JsonNode answer = json.readTree(response.body());
            String serverUrl = answer.path("server_url").asText("");
            String accessToken = answer.path("access_token").asText("");
            String serverToken = answer.path("server_token").asText("");
            return new Registration(
                    accessToken,
                    // The original server uses the access token in both directions and sends no server_token.
                    serverToken.isEmpty() ? accessToken : serverToken,
                    serverUrl.isEmpty() ? server : URI.create(serverUrl),
                    answer.path("ssh_key").asText(""),
                    answer.path("github_username").asText(""));
        }
        catch (IOException | IllegalArgumentException malformed) {
            throw new CallFailed("registration answer is not usable: " + malformed.getMessage(), malformed);
        }
    }

    void report(Registration registration, StatusReport report) throws CallFailed, InterruptedException {
        URI target = withoutTrailingSlash(registration.serverUrl()).resolve("/api/v1/agents/" + spaceId + "/status");
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + registration.accessToken())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(write(report)))
                .build();
        send(request, "state report");
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws CallFailed, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException unreachable) {
            throw new CallFailed(what + " to " + request.uri() + " failed: " + unreachable, unreachable);
        }
        if (response.statusCode() != 200) {
            throw new CallFailed(what + " to " + request.uri() + " answered " + response.statusCode(), null);
        }
        return response;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        }
        catch (IOException impossible) {
            throw new IllegalStateException("cannot write JSON", impossible);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
