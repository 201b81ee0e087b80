package dev.knot.testkit.nomad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** One request and its answer, read and written with Nomad's (Go's) wire rules. */
final class NomadExchange {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    private static final Duration MAX_WAIT = Duration.ofSeconds(300);

    private final HttpExchange exchange;
    private final Map<String, String> query = new HashMap<>();
    private final String body;

    NomadExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                // Go's URL.Query().Get takes the first value; the Java SDK sends namespace twice on writes.
                query.putIfAbsent(name, value);
            }
        }
        this.body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String rawQuery() {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return rawQuery == null ? "" : rawQuery;
    }

    String body() {
        return body;
    }

    String query(String name, String fallback) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    boolean flag(String name) {
        if (!query.containsKey(name)) {
            return false;
        }
        String value = query.get(name);
        if (value.isEmpty() || value.equals("true") || value.equals("1")) {
            return true;
        }
        if (value.equals("false") || value.equals("0")) {
            return false;
        }
        throw NomadError.badRequest("Failed to parse value of \"" + name + "\" (" + value + "): strconv.ParseBool: "
                + "parsing \"" + value + "\": invalid syntax");
    }

    String namespace() {
        return query("namespace", "default");
    }

    /** The X-Nomad-Token, or the bearer token of Authorization, trimmed; "" when there is none. */
    String token() {
        String token = exchange.getRequestHeaders().getFirst("X-Nomad-Token");
        if (token == null) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        }
        return token.trim();
    }

    long minIndex() {
        String index = query.get("index");
        if (index == null || index.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(index);
        } catch (NumberFormatException notANumber) {
            throw NomadError.badRequest("Invalid index");
        }
    }

    Duration waitTime() {
        String wait = query.get("wait");
        if (wait == null || wait.isEmpty()) {
            return DEFAULT_WAIT;
        }
        try {
            Duration parsed = GoDuration.parse(wait);
            return parsed.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : parsed;
        } catch (IllegalArgumentException invalid) {
            throw NomadError.badRequest("Invalid wait time");
        }
    }

    /** The JSON body; Go's decoder would answer 400 to an empty or malformed one. */
    JsonNode jsonBody() {
        if (body.isBlank()) {
            throw NomadError.badRequest("Request body is empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw NomadError.badRequest("invalid character in request body: " + malformed.getOriginalMessage());
        }
    }

    /** A body field looked up as Go's encoding/json does: by name, ignoring case. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }

    /** A text field of a body, looked up as {@link #field} does; the fallback when absent, null or empty. */
    static String text(JsonNode object, String name, String fallback) {
        JsonNode value = field(object, name);
        return value == null || value.isNull() || value.asText().isEmpty() ? fallback : value.asText();
    }

    /** A query answer: JSON with the index, known-leader and last-contact headers. */
    void answerQuery(long index, Object value) throws IOException {
        exchange.getResponseHeaders().set("X-Nomad-KnownLeader", "true");
        exchange.getResponseHeaders().set("X-Nomad-LastContact", "0");
        answerWrite(index, value);
    }

    /** A write answer: JSON with only X-Nomad-Index. */
    void answerWrite(long index, Object value) throws IOException {
        exchange.getResponseHeaders().set("X-Nomad-Index", Long.toString(index));
        answerJson(value);
    }

    void answerJson(Object value) throws IOException {
        byte[] bytes = query.containsKey("pretty")
                ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value) : JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(200, bytes);
    }

    void answerFile(byte[] content) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(200, content);
    }

    /** 200 with an empty body, as Nomad's CSI delete and deregister answer. */
    void answerEmpty(long index) throws IOException {
        exchange.getResponseHeaders().set("X-Nomad-Index", Long.toString(index));
        send(200, new byte[0]);
    }

    void answerNotFoundAtIndex(long index, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Nomad-Index", Long.toString(index));
        exchange.getResponseHeaders().set("X-Nomad-KnownLeader", "true");
        exchange.getResponseHeaders().set("X-Nomad-LastContact", "0");
        answerError(404, message);
    }

    void answerError(int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(status, message.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}
