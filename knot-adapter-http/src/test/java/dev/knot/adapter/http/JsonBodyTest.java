package dev.knot.adapter.http;

import static dev.knot.adapter.http.TestServers.BODY_LIMIT;
import static dev.knot.adapter.http.TestServers.config;
import static dev.knot.adapter.http.TestServers.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.KnotException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {
    /** A route that takes templates may accept more than the default; this one four times as much. */
    private static final long LARGE_LIMIT = 4 * BODY_LIMIT;

    private final JsonCodec json = new JsonCodec();
    private HttpServer server;

    record Greeting(String name, int count) {
        Greeting {
            if (name == null || name.isBlank()) {
                throw KnotException.invalid("name is blank");
            }
        }
    }

    @BeforeEach
    void start() {
        server = TestServers.start(config(), routes -> {
            routes.post("/greetings").access(AccessRule.PUBLIC).onWorkerThread(exchange -> {
                Greeting greeting = json.readBody(exchange, Greeting.class);
                json.send(exchange, 200, greeting);
            });
            routes.post("/templates")
                    .access(AccessRule.PUBLIC)
                    .maxBodyBytes(LARGE_LIMIT)
                    .onWorkerThread(exchange -> {
                        json.send(exchange, 200, json.readBody(exchange, Greeting.class));
                    });
            routes.post("/optional").access(AccessRule.PUBLIC).onWorkerThread(exchange -> {
                json.send(exchange, 200, json.readOptionalBody(exchange, Greeting.class)
                        .map(Greeting::name).orElse("absent"));
            });
            routes.post("/on-io-thread").access(AccessRule.PUBLIC).onIoThread(exchange -> {
                json.readBody(exchange, Greeting.class);
            });
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_valid_body_is_read_into_the_record() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"ada\",\"count\":2}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"name\":\"ada\",\"count\":2}");
    }

    @Test
    void a_charset_parameter_of_utf_8_is_accepted() throws Exception {
        HttpResponse<String> response =
                postJson(server, "/greetings", "application/json; charset=UTF-8", "{\"name\":\"ada\",\"count\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_field_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"ada\",\"count\":1,\"colour\":\"red\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"unknown field \\\"colour\\\"\",\"code\":\"INVALID_ARGUMENT\"}");
    }

    @Test
    void malformed_json_is_a_400_that_does_not_echo_the_input() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"<script>canary</script>\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":\"malformed JSON at line 1, column ");
        assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").doesNotContain("canary");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> response = post("{\"name\":\"ada\",\"count\":\"two\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"invalid value for field \\\"count\\\"\",\"code\":\"INVALID_ARGUMENT\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"ada\",\"name\":\"eve\"}", "{\"name\":\"ada\"} {}", "[1]", "{\"count\":1.5,\"name\":\"a\"}"})
    void ambiguous_or_lossy_bodies_are_400(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"");
    }

    @Test
    void an_empty_body_is_a_400() throws Exception {
        HttpResponse<String> response = post("");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"request body is empty\",\"code\":\"INVALID_ARGUMENT\"}");
    }

    @Test
    void a_null_body_is_a_400() throws Exception {
        HttpResponse<String> response = post("null");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"request body is null\",\"code\":\"INVALID_ARGUMENT\"}");
    }

    @Test
    void an_optional_body_may_be_empty_of_any_type_or_null_and_is_otherwise_read_as_strictly() throws Exception {
        assertThat(postJson(server, "/optional", "text/plain", "").body()).isEqualTo("\"absent\"");
        assertThat(postJson(server, "/optional", "application/json", "null").body()).isEqualTo("\"absent\"");
        assertThat(postJson(server, "/optional", "application/json", "{\"name\":\"ada\",\"count\":1}").body())
                .isEqualTo("\"ada\"");
        assertThat(postJson(server, "/optional", "application/json", "{\"name\":\"ada\",\"x\":1}").statusCode())
                .isEqualTo(400);
        assertThat(postJson(server, "/optional", "text/plain", "{\"name\":\"ada\",\"count\":1}").statusCode())
                .isEqualTo(415);
    }

    @Test
    void a_rule_broken_in_the_records_constructor_keeps_its_message() throws Exception {
        HttpResponse<String> response = post("{\"name\":\" \",\"count\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"name is blank\",\"code\":\"INVALID_ARGUMENT\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"})
    void another_content_type_is_a_415(String contentType) throws Exception {
        HttpResponse<String> response = postJson(server, "/greetings", contentType, "{\"name\":\"ada\",\"count\":1}");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }

    @Test
    void a_route_may_accept_a_larger_body_than_the_default() throws Exception {
        String body = "{\"name\":\"" + "a".repeat((int) BODY_LIMIT * 2) + "\",\"count\":1}";

        HttpResponse<String> response = postJson(server, "/templates", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_declared_length_over_the_limit_is_a_413_before_the_body_is_sent() throws Exception {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST /greetings HTTP/1.1\r\nHost: knot.test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (BODY_LIMIT + 1) + "\r\n\r\n");

            RawHttp.Reply reply = raw.readUntilClosed();

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(reply.text())
                    .endsWith("{\"error\":\"request body is larger than " + BODY_LIMIT
                            + " bytes\",\"code\":\"PAYLOAD_TOO_LARGE\"}");
        }
    }

    @Test
    void a_chunked_body_growing_past_the_limit_gets_the_connection_closed() throws Exception {
        // Undertow closes the connection itself when a chunked body crosses the limit, so no 413 can be sent.
        int size = (int) BODY_LIMIT + 100;
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST /greetings HTTP/1.1\r\nHost: knot.test\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n");

            RawHttp.Reply reply = raw.readUntilClosed();

            if (!reply.text().isEmpty()) {
                assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            }
        }
    }

    @Test
    void a_declared_length_over_every_routes_limit_is_refused_and_the_connection_closed() throws Exception {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST /templates HTTP/1.1\r\nHost: knot.test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (LARGE_LIMIT + 1) + "\r\n\r\n");

            RawHttp.Reply reply = raw.readUntilClosed();

            assertThat(reply.statusLine()).matches("HTTP/1.1 (400|413) .*");
        }
    }

    @Test
    void reading_a_body_on_the_io_thread_is_a_programming_error_answered_500() throws Exception {
        HttpResponse<String> response = postJson(server, "/on-io-thread", "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return postJson(server, "/greetings", "application/json", body);
    }
}
