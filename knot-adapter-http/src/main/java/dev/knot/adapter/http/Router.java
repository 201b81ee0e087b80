package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.PathTemplateMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the route of a request on the I/O thread, applies the route's body limit, and runs its handler behind its
 * access rule, on the thread the route asked for. Paths outside the table are 404, known paths with another method
 * 405 with {@code Allow}.
 */
final class Router implements HttpHandler {
    private final PathTemplateMatcher<Resource> matcher = new PathTemplateMatcher<>();

    Router(RouteTable table, ErrorMapper errors, AccessControl access) {
        requireNonNull(table, "table is null");
        requireNonNull(errors, "errors is null");
        requireNonNull(access, "access is null");
        Map<String, List<Route>> byTemplate = table.routes().stream()
                .collect(Collectors.groupingBy(Route::pathTemplate, LinkedHashMap::new, Collectors.toList()));
        byTemplate.forEach((template, routes) -> matcher.add(template, resource(routes, errors, access)));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        PathTemplateMatcher.PathMatchResult<Resource> match = matcher.match(exchange.getRelativePath());
        if (match == null) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        Endpoint endpoint = match.getValue().endpoints().get(exchange.getRequestMethod());
        if (endpoint == null) {
            exchange.getResponseHeaders().put(Headers.ALLOW, match.getValue().allowedMethods());
            throw new RejectedRequestException(ErrorReply.methodNotAllowed());
        }
        exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY, match);
        limitBody(exchange, endpoint.route().maxBodyBytes());
        endpoint.handler().handleRequest(exchange);
    }

    /**
     * Undertow enforces the limit while the body is read (chunked bodies too); a declared length over it is
     * refused at once, before a byte of the body is read.
     */
    static void limitBody(HttpServerExchange exchange, long limit) {
        exchange.setMaxEntitySize(limit);
        if (exchange.getRequestContentLength() > limit) {
            exchange.setPersistent(false);
            throw new RejectedRequestException(ErrorReply.payloadTooLarge(limit));
        }
    }

    private static Resource resource(List<Route> routes, ErrorMapper errors, AccessControl access) {
        Map<HttpString, Endpoint> endpoints = new LinkedHashMap<>();
        for (Route route : routes) {
            endpoints.put(route.method(), new Endpoint(route, executable(route, errors, access)));
        }
        String allowed = endpoints.keySet().stream().map(HttpString::toString).collect(Collectors.joining(", "));
        return new Resource(Map.copyOf(endpoints), allowed);
    }

    private static HttpHandler executable(Route route, ErrorMapper errors, AccessControl access) {
        HttpHandler guarded = new AccessGuard(route.access(), route.handler(), access);
        return switch (route.execution()) {
            case IO_THREAD -> guarded;
            case WORKER_THREAD -> new BlockingHandler(new ErrorMappingHandler(guarded, errors));
        };
    }

    /** The routes of one path template, by method. */
    private record Resource(Map<HttpString, Endpoint> endpoints, String allowedMethods) {}

    private record Endpoint(Route route, HttpHandler handler) {}
}
