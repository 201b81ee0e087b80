package dev.knot.adapter.http;

import static dev.knot.adapter.http.TestServers.HEADER_COUNT_LIMIT;
import static dev.knot.adapter.http.TestServers.HEADER_LIMIT;
import static dev.knot.adapter.http.TestServers.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limits Undertow lacks by default, against a real listener and a raw socket. */
class LimitsTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void headers_larger_than_the_limit_are_refused_and_the_connection_closed() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(LONG, LONG, LONG));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /health HTTP/1.1\r\nHost: knot.test\r\nX-Padding: " + "a".repeat(HEADER_LIMIT * 2)
                    + "\r\n\r\n");

            RawHttp.Reply reply = raw.readUntilClosed();

            assertRefused(reply);
        } finally {
            server.close();
        }
    }

    @Test
    void more_headers_than_the_limit_are_refused_and_the_connection_closed() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(LONG, LONG, LONG));
        StringBuilder request = new StringBuilder("GET /health HTTP/1.1\r\nHost: knot.test\r\n");
        for (int header = 0; header <= HEADER_COUNT_LIMIT; header++) {
            request.append("X-Header-").append(header).append(": x\r\n");
        }
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send(request.append("\r\n").toString());

            RawHttp.Reply reply = raw.readUntilClosed();

            assertRefused(reply);
        } finally {
            server.close();
        }
    }

    @Test
    void a_request_line_sent_too_slowly_gets_the_connection_closed() throws Exception {
        // The idle timeout is long, so only the parse timeout can be what closes the connection.
        HttpServer server = TestServers.start(withTimeouts(SHORT, LONG, LONG));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /hea");

            RawHttp.Reply reply = raw.readUntilClosed();

            assertThat(reply.text()).doesNotContain("200");
        } finally {
            server.close();
        }
    }

    @Test
    void a_connection_that_sends_nothing_is_closed_after_the_idle_timeout() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(LONG, SHORT, LONG));
        try (RawHttp raw = new RawHttp(server.address())) {
            RawHttp.Reply reply = raw.readUntilClosed();

            assertThat(reply.text()).isEmpty();
        } finally {
            server.close();
        }
    }

    @Test
    void a_request_within_the_limits_is_answered() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(LONG, LONG, LONG));
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /health HTTP/1.1\r\nHost: knot.test\r\nConnection: close\r\n\r\n");

            RawHttp.Reply reply = raw.readUntilClosed();

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(reply.text()).endsWith("\r\n\r\nOK");
        } finally {
            server.close();
        }
    }

    /** A refusal is a 400 or 431, or a bare close when the server gives up before answering. */
    private static void assertRefused(RawHttp.Reply reply) {
        if (!reply.text().isEmpty()) {
            assertThat(reply.statusLine()).matches("HTTP/1.1 (400|431) .*");
        }
    }
}
