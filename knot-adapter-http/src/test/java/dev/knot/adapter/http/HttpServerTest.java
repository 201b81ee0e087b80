package dev.knot.adapter.http;

import static dev.knot.adapter.http.TestServers.config;
import static dev.knot.adapter.http.TestServers.get;
import static dev.knot.adapter.http.TestServers.send;
import static dev.knot.adapter.http.TestServers.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.ErrorType;
import dev.knot.ports.model.KnotException;
import io.undertow.util.PathTemplateMatch;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class HttpServerTest {
    private static final String CANARY = "secret-canary-123";

    /** Written out here rather than read from ErrorMapper, so that a wrong mapping fails. */
    private static final Map<ErrorCode, Integer> EXPECTED_STATUS = Map.ofEntries(
            Map.entry(ErrorCode.INVALID_ARGUMENT, 400),
            Map.entry(ErrorCode.NOT_FOUND, 404),
            Map.entry(ErrorCode.ALREADY_EXISTS, 400),
            Map.entry(ErrorCode.LOCKED, 423),
            Map.entry(ErrorCode.UNAUTHENTICATED, 401),
            Map.entry(ErrorCode.PERMISSION_DENIED, 403),
            Map.entry(ErrorCode.QUOTA_EXCEEDED, 507),
            Map.entry(ErrorCode.RATE_LIMITED, 429),
            Map.entry(ErrorCode.STORE_UNAVAILABLE, 503),
            Map.entry(ErrorCode.STORE_IN_USE, 503),
            Map.entry(ErrorCode.SCHEDULER_UNAVAILABLE, 503),
            Map.entry(ErrorCode.SECRET_UNREADABLE, 500),
            Map.entry(ErrorCode.INTERNAL, 500));

    private final AtomicBoolean protectedHandlerRan = new AtomicBoolean();
    private final ListAppender<ILoggingEvent> errorLog = new ListAppender<>();
    private HttpServer server;

    @BeforeEach
    void start() {
        errorLog.start();
        errorLogger().addAppender(errorLog);
        server = TestServers.start(config(), this::testRoutes);
    }

    @AfterEach
    void stop() {
        server.close();
        errorLogger().detachAppender(errorLog);
    }

    private void testRoutes(RouteTable.Builder routes) {
        routes.get("/fail/{code}").access(AccessRule.PUBLIC).onWorkerThread(exchange -> {
            ErrorCode code = ErrorCode.valueOf(
                    exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("code"));
            throw new KnotException(code, "message for " + code);
        });
        routes.get("/crash/io").access(AccessRule.PUBLIC).onIoThread(exchange -> {
            throw new IllegalStateException(CANARY);
        });
        routes.get("/crash/worker").access(AccessRule.PUBLIC).onWorkerThread(exchange -> {
            throw new IllegalStateException(CANARY);
        });
        routes.get("/private").access(AccessRule.AUTHENTICATED).onWorkerThread(exchange -> {
            protectedHandlerRan.set(true);
            exchange.getResponseSender().send("secret");
        });
    }

    @Test
    void health_answers_ok_in_plain_text() throws Exception {
        HttpResponse<String> response = get(server, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void health_answers_head_without_a_body() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(server, "/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/no/such/path"})
    void every_answer_carries_the_security_headers_and_a_request_id_but_no_server_header(String path)
            throws Exception {
        HttpResponse<String> response = get(server, path);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .matches("[0-9a-f]{16}"));
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void request_ids_differ_between_requests() throws Exception {
        String first = get(server, "/health").headers().firstValue("X-Request-Id").orElseThrow();
        String second = get(server, "/health").headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void an_unknown_path_is_a_json_404() throws Exception {
        HttpResponse<String> response = get(server, "/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"not found\",\"code\":\"NOT_FOUND\"}");
    }

    @Test
    void a_known_path_with_another_method_is_a_json_405_naming_the_allowed_methods() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(server, "/health"))
                .DELETE()
                .build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.body())
                .isEqualTo("{\"error\":\"method not allowed\",\"code\":\"METHOD_NOT_ALLOWED\"}");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void each_error_code_has_its_status_and_the_json_error_shape(ErrorCode code) throws Exception {
        HttpResponse<String> response = get(server, "/fail/" + code.name());

        assertThat(response.statusCode()).isEqualTo(EXPECTED_STATUS.get(code));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String message = code.type() == ErrorType.INTERNAL ? "internal error" : "message for " + code;
        assertThat(response.body()).isEqualTo("{\"error\":\"" + message + "\",\"code\":\"" + code + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/crash/io", "/crash/worker"})
    void an_unexpected_failure_is_a_bare_500_logged_once_under_the_request_id(String path) throws Exception {
        HttpResponse<String> response = get(server, path);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"internal error\",\"code\":\"INTERNAL\"}");
        assertThat(response.body()).doesNotContain(CANARY).doesNotContain("Exception").doesNotContain("at ");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        List<ILoggingEvent> errors = errorLog.list.stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .toList();
        assertThat(errors).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(requestId).contains(path);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo(CANARY);
        });
    }

    @Test
    void a_route_that_needs_a_caller_is_denied_while_nothing_can_authenticate_one() throws Exception {
        HttpResponse<String> response = get(server, "/private");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"Authentication token is not valid\",\"code\":\"UNAUTHENTICATED\"}");
        assertThat(protectedHandlerRan).isFalse();
    }

    @Test
    void a_port_in_use_fails_start_with_one_clear_message() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            HttpConfig clashing = new HttpConfig(
                    "127.0.0.1",
                    port,
                    config().publicUrl(),
                    config().maxRequestBodyBytes(),
                    config().maxHeaderBytes(),
                    config().maxHeaders(),
                    config().requestParseTimeout(),
                    config().idleTimeout(),
                    config().drainTimeout(),
                    1,
                    1,
                    List.of(),
                    HttpTlsConfig.plain(),
                    Optional.empty());
            HttpServer second = new HttpServer(clashing, TestServers.table(clashing), new JsonCodec(), TestServers.access(clashing));

            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(KnotException.class, failure -> assertThat(failure.code())
                            .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
            second.close();
        }
    }

    @Test
    void the_bound_port_is_the_real_one_when_port_zero_was_asked_for() {
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void closing_twice_and_closing_an_unstarted_server_are_harmless() {
        HttpServer unstarted = new HttpServer(config(), TestServers.table(config()), new JsonCodec(), TestServers.access(config()));
        unstarted.close();
        server.close();
        server.close();
    }

    private static Logger errorLogger() {
        return (Logger) LoggerFactory.getLogger(ErrorMapper.class);
    }
}
