package dev.knot.adapter.http;

import static dev.knot.adapter.http.WebPortFixture.SPACE_HOST;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which host a request is for decides which space it reaches, so the host is read strictly (security test 19):
 * requests are sent on plain sockets with the hosts and header combinations an attacker would try. {@code /health}
 * tells the two sides apart: the main origin answers {@code OK}, a space host sends it to the app, which echoes it.
 */
class WebPortHostsTest {
    private WebPortFixture fixture;
    private String token;

    @BeforeEach
    void start() {
        fixture = new WebPortFixture();
        token = fixture.token(fixture.alice);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {SPACE_HOST, "ALICE--DEV--8080.KNOT.EXAMPLE.COM", SPACE_HOST + ":3000"})
    void a_space_host_in_any_case_and_with_a_port_reaches_the_app(String host) throws Exception {
        Reply reply = get(host);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"path\":\"/health\"");
        assertThat(fixture.agent.requests).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"knot.example.com", "alice--dev--8080.knot.example.com.evil.tld",
        "alice--dev--8080.evilknot.example.com", "alice--dev--8080.knot.example.co", "alice--dev--8080.example.com",
        "127.0.0.1"})
    void look_alikes_of_space_hosts_are_the_main_origin(String host) throws Exception {
        Reply reply = get(host);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("OK");
        assertThat(fixture.agent.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.alice--dev--8080", "alice--dev--08080", "alice--dev--0x1f90", "alice--dev--65536",
        "alice--dev--0", "alice--dev--8080--x", "alice--dev", "alice-dev-8080", "alice----8080", "-alice--dev--8080",
        "alice--dev--8080.", "xn--lice--dev--8080-9za", "alice--dev--vnc", "bob--dev--8080", "alice--web--8080"})
    void a_host_under_the_wildcard_domain_that_names_no_space_of_the_caller_is_404(String label) throws Exception {
        String host = label.endsWith(".") ? label.substring(0, label.length() - 1) + ".knot.example.com."
                : label + ".knot.example.com";

        Reply reply = get(host);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("NOT_FOUND");
        assertThat(fixture.agent.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {SPACE_HOST + ":abc", "alice@" + SPACE_HOST, SPACE_HOST + ":8080@127.0.0.2",
        "alice--dev--8080 .knot.example.com", SPACE_HOST + ":99999"})
    void a_malformed_host_header_is_400(String host) throws Exception {
        assertThat(get(host).status()).isEqualTo(400);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void two_host_headers_are_400() throws Exception {
        assertThat(send("GET /health HTTP/1.1\r\nHost: knot.example.com\r\nHost: " + SPACE_HOST + "\r\n"
                + bearer() + "Connection: close\r\n\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\nHost: knot.example.com\r\n"
                + bearer() + "Connection: close\r\n\r\n").status()).isEqualTo(400);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void an_absolute_request_line_must_name_the_host_of_the_host_header() throws Exception {
        Reply mismatch = send("GET http://" + SPACE_HOST + "/health HTTP/1.1\r\nHost: bob--dev--8080.knot.example.com"
                + "\r\n" + bearer() + "Connection: close\r\n\r\n");
        Reply match = send("GET http://" + SPACE_HOST + "/health HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\n"
                + bearer() + "Connection: close\r\n\r\n");

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(match.status()).isEqualTo(200);
        assertThat(match.body()).contains("\"path\":\"/health\"");
    }

    @Test
    void x_forwarded_host_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() throws Exception {
        Reply reply = send("GET /health HTTP/1.1\r\nHost: knot.example.com\r\nX-Forwarded-Host: " + SPACE_HOST
                + "\r\n" + bearer() + "Connection: close\r\n\r\n");

        assertThat(reply.body()).isEqualTo("OK");
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void x_forwarded_host_from_a_trusted_proxy_decides_and_must_name_one_host() throws Exception {
        fixture.close();
        fixture = new WebPortFixture(WebPortFixture.config().withTrustedProxies(List.of("127.0.0.0/8")));
        token = fixture.token(fixture.alice);

        Reply forwarded = send("GET /health HTTP/1.1\r\nHost: knot.internal:3000\r\nX-Forwarded-Host: " + SPACE_HOST
                + "\r\n" + bearer() + "Connection: close\r\n\r\n");
        Reply mainOrigin = send("GET /health HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\nX-Forwarded-Host: "
                + "knot.example.com\r\nConnection: close\r\n\r\n");
        Reply two = send("GET /health HTTP/1.1\r\nHost: knot.internal\r\nX-Forwarded-Host: " + SPACE_HOST
                + ", knot.example.com\r\nConnection: close\r\n\r\n");
        Reply repeated = send("GET /health HTTP/1.1\r\nHost: knot.internal\r\nX-Forwarded-Host: knot.example.com\r\n"
                + "X-Forwarded-Host: " + SPACE_HOST + "\r\nConnection: close\r\n\r\n");

        assertThat(forwarded.status()).isEqualTo(200);
        assertThat(forwarded.body()).contains("\"host\":[\"" + SPACE_HOST + "\"]",
                "\"x-forwarded-host\":[\"" + SPACE_HOST + "\"]");
        assertThat(mainOrigin.body()).isEqualTo("OK");
        assertThat(two.status()).isEqualTo(400);
        assertThat(repeated.status()).isEqualTo(400);
    }

    @Test
    void each_request_on_a_kept_alive_connection_is_routed_by_its_own_host() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(fixture.address(), 10_000);
            socket.setSoTimeout(20_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());

            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: knot.example.com\r\n\r\n")
                    .getBytes(ISO_8859_1));
            Reply first = Reply.read(in);
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\n" + bearer() + "\r\n")
                    .getBytes(ISO_8859_1));
            Reply second = Reply.read(in);
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: knot.example.com\r\n\r\n")
                    .getBytes(ISO_8859_1));
            Reply third = Reply.read(in);

            assertThat(first.body()).isEqualTo("OK");
            assertThat(second.body()).contains("\"path\":\"/health\"");
            assertThat(third.body()).isEqualTo("OK");
        }
    }

    // ---- helpers ----

    private String bearer() {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private Reply get(String host) throws Exception {
        return send("GET /health HTTP/1.1\r\nHost: " + host + "\r\n" + bearer() + "Connection: close\r\n\r\n");
    }

    private Reply send(String request) throws Exception {
        try (RawHttp raw = fixture.raw()) {
            raw.send(request);
            return Reply.parse(raw.readUntilClosed().text());
        }
    }

    /** A response: its status and body (the body as far as it was sent). */
    private record Reply(int status, String head, String body) {
        static Reply parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            return new Reply(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }

        /** One response with a Content-Length body, leaving the connection open. */
        static Reply read(DataInputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.readUnsignedByte());
            }
            String text = head.toString(ISO_8859_1);
            int length = text.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                    .findFirst().orElseThrow();
            byte[] body = new byte[length];
            in.readFully(body);
            return parse(text + new String(body, ISO_8859_1));
        }
    }
}
