package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI document at {@code /api-docs/openapi.yaml} and Swagger UI at {@code /api-docs/}, from the swagger-ui
 * WebJar. The page gets the one Content-Security-Policy here that lets anything load, and only what Swagger UI
 * needs: its own scripts and styles (it sets inline styles), data: images, and requests to this origin.
 */
final class ApiDocsRoutes implements RouteGroup {
    static final String DOCUMENT_RESOURCE = "openapi.yaml";

    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";
    private static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The WebJar files the page loads, with their types; nothing else in the jar is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private final byte[] document = resource(DOCUMENT_RESOURCE);
    private final byte[] page = resource("api-docs.html");
    private final byte[] script = resource("api-docs-init.js");
    private final String assetRoot = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get("/api-docs/").access(AccessRule.PUBLIC).onIoThread(this::page);
        routes.get("/api-docs/openapi.yaml").access(AccessRule.PUBLIC).onIoThread(exchange ->
                send(exchange, "application/yaml; charset=utf-8", document));
        routes.get("/api-docs/init.js").access(AccessRule.PUBLIC).onIoThread(exchange ->
                send(exchange, "text/javascript; charset=utf-8", script));
        routes.get("/api-docs/swagger-ui/{file}").access(AccessRule.PUBLIC).onWorkerThread(this::asset);
    }

    private void page(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(CONTENT_SECURITY_POLICY, PAGE_POLICY);
        send(exchange, "text/html; charset=utf-8", page);
    }

    private void asset(HttpServerExchange exchange) throws IOException {
        String file = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("file");
        String contentType = ASSETS.get(file);
        if (contentType == null) {
            throw new RejectedRequestException(ErrorReply.notFound());
        }
        byte[] bytes;
        try (InputStream in = requireNonNull(
                ApiDocsRoutes.class.getResourceAsStream(assetRoot + file), "the swagger-ui WebJar lacks " + file)) {
            bytes = in.readAllBytes();
        }
        // Versioned, public and large: worth caching, unlike API answers.
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=86400");
        send(exchange, contentType, bytes);
    }

    private static void send(HttpServerExchange exchange, String contentType, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return requireNonNull(properties.getProperty("version"), "the swagger-ui WebJar names no version");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
