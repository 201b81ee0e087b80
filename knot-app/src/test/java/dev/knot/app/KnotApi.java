package dev.knot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The REST calls the storage ITs make against a knot server on 127.0.0.1 over plain HTTP (the ITs start it with
 * KNOT_USE_TLS=false). Each request has a generous timeout so a hung server fails the test instead of hanging it.
 */
final class KnotApi {
    static final String SESSION_COOKIE = "__KNOT_WEBUI_SESSION";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    KnotApi(int port) {
        this.port = port;
    }

    /** The first admin: needs no credential while knot has no user. */
    HttpResponse<String> createFirstAdmin(String username, String email, String password) {
        return send(post("/api/v1/users", Map.of("username", username, "email", email, "password", password)));
    }

    HttpResponse<String> login(String email, String password) {
        return send(post("/api/v1/auth", Map.of("email", email, "password", password)));
    }

    /** Logs in and answers the session secret; fails the test when the login is refused. */
    String sessionSecret(String email, String password) {
        HttpResponse<String> response = login(email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login on port " + port + " answered " + response.statusCode() + ": " + response.body());
        }
        return field(response, "token");
    }

    /** Creates an API token with the session and answers its secret. */
    String apiToken(String sessionSecret) {
        HttpResponse<String> response = send(post("/api/v1/tokens", Map.of("name", "it"))
                .header("Authorization", "Bearer " + sessionSecret).build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /tokens answered " + response.statusCode() + ": " + response.body());
        }
        return field(response, "token");
    }

    HttpResponse<String> logout(String sessionSecret) {
        return send(post("/api/v1/auth/logout", Map.of()).header("Authorization", "Bearer " + sessionSecret).build());
    }

    HttpResponse<String> whoamiWithBearer(String secret) {
        return send(get("/api/v1/users/whoami").header("Authorization", "Bearer " + secret).build());
    }

    HttpResponse<String> whoamiWithCookie(String sessionSecret) {
        return send(get("/api/v1/users/whoami").header("Cookie", SESSION_COOKIE + "=" + sessionSecret).build());
    }

    /** GET /health: 200 with "OK", or -1 while nothing answers. */
    int health() {
        try {
            HttpResponse<String> response = HTTP.send(get("/health").timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().equals("OK") ? 500 : response.statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String field(HttpResponse<String> response, String name) {
        try {
            JsonNode value = JSON.readTree(response.body()).get(name);
            if (value == null) {
                throw new AssertionError("no \"" + name + "\" in " + response.body());
            }
            return value.asText();
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + response.body(), notJson);
        }
    }

    /** Any JSON call as a bearer; {@code body} null for none. */
    HttpResponse<String> call(String method, String path, String bearer, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpRequest.newBuilder(uri(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bearer)
                    .method(method, publisher));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** {@link #call}, failing the test unless it answers {@code expected}; the parsed answer. */
    JsonNode expect(int expected, String method, String path, String bearer, Object body) {
        HttpResponse<String> response = call(method, path, bearer, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + response.body(), notJson);
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private HttpRequest.Builder post(String path, Map<String, String> body) {
        try {
            return HttpRequest.newBuilder(uri(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
