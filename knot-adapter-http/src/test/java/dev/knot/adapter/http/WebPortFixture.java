package dev.knot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.domain.webport.WebPortService;
import dev.knot.ports.in.AgentRegistration;
import dev.knot.ports.in.AgentReport;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import dev.knot.ports.runtime.ManagedService;
import dev.knot.testkit.fake.InMemoryUsedNonceStore;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The web-port setup end to end: the real domain (WebPortService over the in-memory stores), the whole HTTP adapter
 * as knot-app wires it with a wildcard domain, and a {@link StandInAgent} registered as the agent of alice's running
 * space "dev", reporting http ports 8080 and 9090 (it would also serve 3000, which it does not report).
 *
 * <p>The test client talks to the server as to a forward proxy, so that requests can name any host
 * ({@code http://alice--dev--8080.knot.example.com/…}) without DNS; {@link #raw} gives a plain socket for requests no
 * client would send.
 */
final class WebPortFixture implements AutoCloseable {
    static final String WILDCARD_DOMAIN = "*.knot.example.com";
    static final URI PUBLIC_URL = URI.create("https://knot.example.com");
    static final String SPACE_HOST = "alice--dev--8080.knot.example.com";
    static final String OTHER_PORT_HOST = "alice--dev--9090.knot.example.com";
    static final int UNREPORTED_PORT = 3000;

    final World world = new World();
    final User admin = world.admin();
    final User alice = world.user(admin, "alice");
    final User bob = world.user(admin, "bob");
    final User manager = world.user(admin, "manager", Role.SPACE_MANAGER);
    final Space space = SpaceFixtures.aRunningSpace().withOwner(alice.id()).withName("dev").build();
    final StandInAgent agent = new StandInAgent("not registered yet", Set.of(8080, 9090, UNREPORTED_PORT));
    final AgentRegistration registration;
    final WebPortUseCases webPorts =
            new WebPortService(world.users, world.spaces, world.agentStates, world.sessions,
                    new InMemoryUsedNonceStore(world.clock), world.clock, World.SERVER_KEY);
    final HttpServer server;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient browser;

    WebPortFixture() {
        this(config());
    }

    WebPortFixture(HttpConfig config) {
        world.spaces.create(space);
        registration = registerAgentAt(agent.address());
        agent.expectBearer(registration.serverToken());
        server = listen(config);
        browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .proxy(ProxySelector.of(server.address()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpConfig config() {
        return HttpConfig.defaults("127.0.0.1", 0, PUBLIC_URL).withWildcardDomain(Optional.of(WILDCARD_DOMAIN));
    }

    /** Registers the space's agent at {@code address}, reporting ports 8080 and 9090. */
    AgentRegistration registerAgentAt(String address) {
        AgentRegistration registered = world.agentService.register(space.id(), address, "test",
                world.agentKeys.keyFor(space.id()));
        world.agentService.report(world.agentService.authenticate(space.id(), registered.accessToken()),
                new AgentReport("test", true, 22, 0, true, Map.of(), Map.of(8080, "web", 9090, "api")));
        return registered;
    }

    String session(User user) {
        return world.session(user);
    }

    String token(User user) {
        return world.token(user);
    }

    /** A request to {@code http://host/pathAndQuery}. */
    Call call(String method, String host, String pathAndQuery) {
        return new Call(method, URI.create("http://" + host + pathAndQuery));
    }

    /** A request to where a redirect points, over plain http as the test speaks to the server. */
    Call follow(HttpResponse<?> redirect) {
        URI location = redirect.request().uri().resolve(redirect.headers().firstValue("Location").orElseThrow());
        return new Call("GET", URI.create(location.toString().replaceFirst("^https://", "http://")));
    }

    RawHttp raw() throws Exception {
        return new RawHttp(server.address());
    }

    InetSocketAddress address() {
        return server.address();
    }

    JsonNode json(String body) throws Exception {
        return json.readTree(body);
    }

    @Override
    public void close() {
        server.close();
        agent.close();
    }

    private HttpServer listen(HttpConfig config) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().requireExactBindingAnnotations();
                binder().disableCircularProxies();
                UseCases.of(world).bindIn(binder());
                bind(WebPortUseCases.class).toInstance(webPorts);
                install(new HttpServerModule(config));
            }
        });
        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));
        HttpServer started = (HttpServer) services.iterator().next();
        started.start();
        return started;
    }

    /** One request, built up and then sent. */
    final class Call {
        private final String method;
        private final URI uri;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        Call bearer(String credential) {
            return header("Authorization", "Bearer " + credential);
        }

        Call cookies(String cookieHeader) {
            return header("Cookie", cookieHeader);
        }

        Call body(HttpRequest.BodyPublisher publisher) {
            this.body = publisher;
            return this;
        }

        HttpResponse<String> send() throws Exception {
            return send(HttpResponse.BodyHandlers.ofString());
        }

        <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> handler) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method, body);
            for (int index = 0; index < headers.size(); index += 2) {
                request.header(headers.get(index), headers.get(index + 1));
            }
            return browser.send(request.build(), handler);
        }
    }
}
