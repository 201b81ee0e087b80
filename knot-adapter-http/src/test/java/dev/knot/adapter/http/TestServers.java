package dev.knot.adapter.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Real listeners on a loopback ephemeral port, with small limits so tests can cross them cheaply. */
final class TestServers {
    static final long BODY_LIMIT = 1024;
    static final int HEADER_LIMIT = 4096;
    static final int HEADER_COUNT_LIMIT = 50;

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServers() {}

    static HttpConfig config() {
        return withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    static HttpConfig withTimeouts(Duration requestParseTimeout, Duration idleTimeout, Duration drainTimeout) {
        return new HttpConfig(
                "127.0.0.1",
                0,
                URI.create("http://knot.test"),
                BODY_LIMIT,
                HEADER_LIMIT,
                HEADER_COUNT_LIMIT,
                requestParseTimeout,
                idleTimeout,
                drainTimeout,
                1,
                4,
                List.of(),
                HttpTlsConfig.plain(),
                Optional.empty());
    }

    /** A started server answering /health and the given test routes. */
    static HttpServer start(HttpConfig config, RouteGroup... groups) {
        HttpServer server = new HttpServer(config, table(config, groups), new JsonCodec(), access(config));
        server.start();
        return server;
    }

    /** Access control over an empty domain: public routes work, every other rule answers 401. */
    static AccessControl access(HttpConfig config) {
        World world = new World();
        return new AccessControl(
                world.authService, world.agentService, new SetupState(world.userService), new SameOriginPolicy(config.publicUrl()));
    }

    static RouteTable table(HttpConfig config, RouteGroup... groups) {
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        new HealthRoutes().addTo(routes);
        for (RouteGroup group : groups) {
            group.addTo(routes);
        }
        return routes.build();
    }

    static URI uri(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(10)).build());
    }

    static HttpResponse<String> postJson(HttpServer server, String path, String contentType, String body)
            throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
