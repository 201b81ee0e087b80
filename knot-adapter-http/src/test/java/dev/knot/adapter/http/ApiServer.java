package dev.knot.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.ports.runtime.ManagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole adapter as knot-app wires it (HttpServerModule under strict Guice), over a {@link World}, listening on
 * a loopback port; with a small client for the calls tests make.
 */
final class ApiServer implements AutoCloseable {
    static final URI PUBLIC_URL = URI.create("https://knot.example.com");
    static final String ORIGIN = "https://knot.example.com";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The domain behind the server; null when it was started over other use cases. */
    final World world;
    final HttpServer server;

    private ApiServer(World world, HttpServer server) {
        this.world = world;
        this.server = server;
    }

    static ApiServer start() {
        return start(new World(), config());
    }

    static ApiServer start(World world, HttpConfig config) {
        return new ApiServer(world, listen(UseCases.of(world), config));
    }

    static ApiServer start(UseCases useCases, HttpConfig config) {
        return new ApiServer(null, listen(useCases, config));
    }

    private static HttpServer listen(UseCases useCases, HttpConfig config) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().requireExactBindingAnnotations();
                binder().disableCircularProxies();
                useCases.bindIn(binder());
                install(new HttpServerModule(config));
            }
        });
        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));
        HttpServer server = (HttpServer) services.iterator().next();
        server.start();
        return server;
    }

    static HttpConfig config() {
        return HttpConfig.defaults("127.0.0.1", 0, PUBLIC_URL);
    }

    /** The route table this server was built from, as the module builds it. */
    static RouteTable routeTable(World world, HttpConfig config) {
        HttpServerModule module = new HttpServerModule(config);
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                UseCases.of(world).bindIn(binder());
                install(module);
            }
        });
        Set<RouteGroup> groups = injector.getInstance(Key.get(new TypeLiteral<Set<RouteGroup>>() {}));
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        groups.forEach(group -> group.addTo(routes));
        return routes.build();
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One request, built up and then sent. */
    final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call bearer(String credential) {
            return header("Authorization", "Bearer " + credential);
        }

        /** The session cookie, from the UI's own origin unless the test sets another. */
        Call cookie(String sessionSecret) {
            return header("Cookie", Credentials.SESSION_COOKIE + "=" + sessionSecret);
        }

        Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        Call json(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }

        /** An HTML form's body, {@code name=value&…}, each already URL-encoded. */
        Call form(String urlEncoded) {
            this.body = urlEncoded;
            return header("Content-Type", FormBody.CONTENT_TYPE);
        }

        HttpResponse<String> send() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            for (int index = 0; index < headers.size(); index += 2) {
                request.header(headers.get(index), headers.get(index + 1));
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * For a body over the route's limit. The server answers 413 from the declared length and closes without
         * reading the body, so a client that is still uploading may lose that answer to a TCP reset. Both are the
         * same refusal: empty means the connection closed before an answer arrived.
         */
        Optional<HttpResponse<String>> sendOversized() throws Exception {
            try {
                return Optional.of(send());
            } catch (IOException closedWhileUploading) {
                return Optional.empty();
            }
        }
    }
}
