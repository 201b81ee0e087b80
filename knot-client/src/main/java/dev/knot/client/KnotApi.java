package dev.knot.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST calls the client commands make, with the server's paths and JSON field names (knot v0.9's, which this
 * server keeps). Every failure is a {@link ClientException} that says what was being done and why it failed; an
 * answer 401 gets the message the caller gives, because what to do about it depends on what was sent.
 */
public final class KnotApi {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "/api/v1";

    private final KnotServer server;

    public KnotApi(KnotServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** A token that no longer works: the advice is the same for every command that sends one. */
    public static String refusedToken(ServerAddress server) {
        return "the server refused the API token (401): it is wrong, expired or deleted; run `knot connect " + server
                + "` for a new one";
    }

    /** POST /auth: logs in and answers the session's secret, which works as a bearer token until logout. */
    public String login(String email, String password) {
        JsonNode reply = call("POST", V1 + "/auth", Optional.empty(),
                Optional.of(Map.of("email", email, "password", password)), "logging in",
                "the server refused the email or password (401)");
        return requiredText(reply, "token", "logging in");
    }

    /** POST /tokens: a new API token of the bearer's user, named {@code name}; answers its secret. */
    public String createToken(String bearer, String name) {
        JsonNode reply = call("POST", V1 + "/tokens", Optional.of(bearer), Optional.of(Map.of("name", name)),
                "creating an API token", "the server refused the login session (401) while creating the API token");
        return requiredText(reply, "token", "creating an API token");
    }

    /** POST /auth/logout: ends the bearer's session. */
    public void logout(String bearer) {
        call("POST", V1 + "/auth/logout", Optional.of(bearer), Optional.empty(), "logging out",
                "the server refused the login session (401) while logging out");
    }

    /** GET /ping: answers the server's version. */
    public String ping(String token) {
        JsonNode reply = call("GET", V1 + "/ping", Optional.of(token), Optional.empty(), "ping",
                refusedToken(server.address()));
        return reply.path("version").asText("");
    }

    /** GET /users/whoami. */
    public RemoteUser whoami(String token) {
        return whoami(token, refusedToken(server.address()));
    }

    /** GET /users/whoami, with the message for a refused token. */
    RemoteUser whoami(String token, String unauthorized) {
        JsonNode reply = call("GET", V1 + "/users/whoami", Optional.of(token), Optional.empty(),
                "asking who the token belongs to", unauthorized);
        return new RemoteUser(requiredText(reply, "user_id", "asking who the token belongs to"),
                reply.path("username").asText(""));
    }

    /** GET /spaces?user_id=: the spaces of one user. */
    public List<RemoteSpace> spaces(String token, String userId) {
        JsonNode reply = call("GET", V1 + "/spaces?user_id=" + ServerAddress.escapeSegment(userId),
                Optional.of(token), Optional.empty(), "listing spaces", refusedToken(server.address()));
        List<RemoteSpace> spaces = new ArrayList<>();
        for (JsonNode space : reply.path("spaces")) {
            spaces.add(new RemoteSpace(requiredText(space, "space_id", "listing spaces"),
                    requiredText(space, "name", "listing spaces")));
        }
        return spaces;
    }

    /** GET /spaces/{id}/service-state. */
    public RemoteServiceState serviceState(String token, String spaceId) {
        JsonNode reply = call("GET", V1 + "/spaces/" + ServerAddress.escapeSegment(spaceId) + "/service-state",
                Optional.of(token), Optional.empty(), "reading the state of a space", refusedToken(server.address()));
        boolean running = reply.hasNonNull("state")
                ? reply.path("state").asText().equals("running")
                : reply.path("is_deployed").asBoolean() && !reply.path("is_pending").asBoolean()
                        && !reply.path("is_deleting").asBoolean();
        return new RemoteServiceState(reply.path("name").asText(""), running, reply.path("has_ssh").asBoolean());
    }

    private JsonNode call(String method, String path, Optional<String> bearer, Optional<Object> body, String action,
            String unauthorized) {
        URI uri = server.address().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body.get())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = server.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failure) {
            throw Failures.unreachable(server.address(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClientException(action + " was interrupted", interrupted);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new ClientException(unauthorized);
        }
        if (status < 200 || status > 299) {
            throw new ClientException(action + " failed: " + server.address() + " answered " + status
                    + errorOf(response.body()).map(error -> ": " + error).orElse(""));
        }
        try {
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new ClientException(action + " failed: " + server.address()
                    + " did not answer with JSON; is it a knot server?");
        }
    }

    /** The {@code error} field of a knot error answer, if the body is one. */
    private static Optional<String> errorOf(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isTextual() ? Optional.of(error.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private String requiredText(JsonNode reply, String field, String action) {
        JsonNode value = reply.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new ClientException(action + " failed: the answer of " + server.address() + " has no " + field
                    + "; is it a knot server?");
        }
        return value.asText();
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings is always JSON", impossible);
        }
    }
}
