package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fields of an HTML form's body ({@code application/x-www-form-urlencoded}, UTF-8), each at most once. */
final class FormBody {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    /**
     * Reads the body, within the route's limit.
     *
     * @throws RejectedRequestException 415 when the body is not a form
     * @throws KnotException INVALID_ARGUMENT when it is malformed or names a field twice
     */
    static FormBody read(HttpServerExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null
                || !contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(CONTENT_TYPE)) {
            throw new RejectedRequestException(ErrorReply.unsupportedMediaType(
                    format("Content-Type must be %s", CONTENT_TYPE)));
        }
        String body = new String(exchange.getInputStream().readAllBytes(), UTF_8);
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            if (fields.put(name, nameAndValue.length > 1 ? decode(nameAndValue[1]) : "") != null) {
                throw KnotException.invalid(format("%s may be given only once", name));
            }
        }
        return new FormBody(fields);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** @throws KnotException INVALID_ARGUMENT when the field is missing or empty */
    String required(String name) {
        return field(name).filter(value -> !value.isEmpty())
                .orElseThrow(() -> KnotException.invalid(format("%s is required", name)));
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw KnotException.invalid("the form is not validly encoded");
        }
    }

    @Override
    public String toString() {
        // Forms carry passwords: only the names are ever printed.
        return "FormBody" + fields.keySet();
    }
}
