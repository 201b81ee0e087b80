package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code GET /ping}: whether the caller's credential works, and which knot answers. */
final class PingRoutes implements RouteGroup {
    private static final String VERSION_RESOURCE = "version.properties";

    private final JsonCodec json;
    private final PingReply reply;

    PingRoutes(JsonCodec json) {
        this.json = requireNonNull(json, "json is null");
        this.reply = new PingReply(true, version());
    }

    record PingReply(boolean status, String version) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(ApiPaths.V1 + "/ping").access(AccessRule.AUTHENTICATED).onWorkerThread(this::ping);
    }

    private void ping(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK, reply);
    }

    /** The build's version, written into the resource by Maven. */
    private static String version() {
        try (InputStream in = PingRoutes.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
