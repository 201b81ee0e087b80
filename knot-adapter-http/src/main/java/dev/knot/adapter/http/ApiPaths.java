package dev.knot.adapter.http;

import dev.knot.ports.model.Id;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/** Where the REST API lives, and how ids are read from its paths. */
final class ApiPaths {
    static final String V1 = "/api/v1";

    private ApiPaths() {}

    /**
     * The id in path parameter {@code name}. Anything but a canonical lowercase UUID is a 404, as in the original,
     * whose router never matched such a path.
     */
    static <T> Id<T> id(HttpServerExchange exchange, String name) {
        String value = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
        if (!Id.isValid(value)) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        return Id.of(value);
    }
}
