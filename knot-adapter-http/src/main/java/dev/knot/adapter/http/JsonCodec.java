package dev.knot.adapter.http;

import static java.lang.String.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads request bodies into the adapter's DTO records and writes answers, strictly: the original rejects unknown
 * fields (Go's {@code DisallowUnknownFields}) and any content type but JSON, and so do we. Duplicate keys, trailing
 * content and lossy coercions are rejected too, because two parsers reading one body differently is how requests get
 * smuggled past a check. Every rejection is a 400 (or 415) that says what was wrong without echoing the input.
 */
final class JsonCodec {
    private static final String JSON = "application/json";
    /** knot's JSON is a few levels deep; this stops a deeply nested body from costing stack and time. */
    private static final int MAX_NESTING_DEPTH = 64;

    private final ObjectMapper mapper;

    JsonCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // The original's field names: user_id, max_spaces, service_password.
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    /**
     * The request body as {@code type}. Blocking: call it only from a route declared {@code onWorkerThread}.
     *
     * @throws KnotException INVALID_ARGUMENT for an empty, {@code null}, malformed or mismatched body, or an unknown
     *     field; the DTO's own KnotException when its constructor rejects a value
     * @throws RejectedRequestException 415 when the content type is not JSON
     * @throws IOException when the body cannot be read, e.g. because it is larger than the route's limit
     */
    <T> T readBody(HttpServerExchange exchange, Class<T> type) throws IOException {
        requireWorkerThread(exchange);
        requireJsonContentType(exchange);
        byte[] body = exchange.getInputStream().readAllBytes();
        if (body.length == 0) {
            throw KnotException.invalid("request body is empty");
        }
        T value = parse(body, type);
        if (value == null) {
            throw KnotException.invalid("request body is null");
        }
        return value;
    }

    /**
     * The request body as {@code type}, or empty when there is none: no bytes at all (whatever the content type), or
     * the JSON {@code null} that Go clients send for a nil body. Otherwise as {@link #readBody}.
     */
    <T> Optional<T> readOptionalBody(HttpServerExchange exchange, Class<T> type) throws IOException {
        requireWorkerThread(exchange);
        byte[] body = exchange.getInputStream().readAllBytes();
        if (body.length == 0) {
            return Optional.empty();
        }
        requireJsonContentType(exchange);
        return Optional.ofNullable(parse(body, type));
    }

    /** {@code body} as {@code type}; null for the JSON {@code null}. */
    private <T> T parse(byte[] body, Class<T> type) throws IOException {
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException unknown) {
            throw KnotException.invalid(format("unknown field \"%s\"", unknown.getPropertyName()));
        } catch (ValueInstantiationException rejected) {
            if (rejected.getCause() instanceof KnotException) {
                throw (KnotException) rejected.getCause();
            }
            throw KnotException.invalid("invalid request body");
        } catch (MismatchedInputException mismatched) {
            List<JsonMappingException.Reference> path = mismatched.getPath();
            if (path.isEmpty()) {
                throw KnotException.invalid("request body has the wrong JSON type");
            }
            throw KnotException.invalid(format("invalid value for field \"%s\"", describe(path)));
        } catch (StreamReadException malformed) {
            JsonLocation location = malformed.getLocation();
            if (location == null) {
                throw KnotException.invalid("malformed JSON");
            }
            throw KnotException.invalid(format(
                    "malformed JSON at line %s, column %s", location.getLineNr(), location.getColumnNr()));
        } catch (DatabindException invalid) {
            throw KnotException.invalid("invalid request body");
        }
    }

    /** Answers with {@code body} as JSON. Works on the I/O thread and on worker threads. */
    void send(HttpServerExchange exchange, int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException notSerialisable) {
            throw new IllegalStateException(
                    format("%s cannot be written as JSON", body.getClass().getSimpleName()), notSerialisable);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    private static void requireWorkerThread(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            throw new IllegalStateException("a JSON body is read with blocking I/O: declare the route onWorkerThread");
        }
    }

    private static void requireJsonContentType(HttpServerExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null) {
            throw new RejectedRequestException(ErrorReply.unsupportedMediaType("Content-Type must be " + JSON));
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase(JSON)) {
            throw new RejectedRequestException(ErrorReply.unsupportedMediaType("Content-Type must be " + JSON));
        }
        String charset = Headers.extractQuotedValueFromHeader(contentType, "charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new RejectedRequestException(ErrorReply.unsupportedMediaType("JSON must be encoded as UTF-8"));
        }
    }

    /** {@code spaces[2].name}: where in the body the bad value is. */
    private static String describe(List<JsonMappingException.Reference> path) {
        String joined = path.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
