package dev.knot.adapter.http;

import static java.lang.String.format;

import dev.knot.ports.model.KnotException;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.Optional;

/** Query parameters that mean one value: given twice, which one counts would be a guess, so the request is refused. */
final class QueryParameters {
    private QueryParameters() {}

    /**
     * The parameter's value, or empty when it is absent.
     *
     * @throws KnotException INVALID_ARGUMENT when the parameter is given more than once
     */
    static Optional<String> single(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw KnotException.invalid(format("%s may be given only once", name));
        }
        return Optional.of(values.getFirst());
    }
}
