package dev.knot.adapter.http;

import static dev.knot.adapter.http.WebPortFixture.OTHER_PORT_HOST;
import static dev.knot.adapter.http.WebPortFixture.SPACE_HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A space's web port on its host under the wildcard domain, end to end: the browser's way in (main origin, one-time
 * code, pass cookie), scripts with a bearer, who is refused, what the app receives and what it may set, websockets
 * and large bodies through the proxy, and an agent that cannot be reached.
 */
class WebPortProxyTest {
    private static final Pattern PASS_COOKIE = Pattern.compile("__Host-KNOT_WEBPORT_PASS=([^;]+)");

    private WebPortFixture fixture;

    @BeforeEach
    void start() {
        fixture = new WebPortFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void the_owner_gets_in_with_a_browser_through_the_main_origin_and_a_pass_cookie() throws Exception {
        String session = fixture.session(fixture.alice);

        HttpResponse<String> firstVisit = fixture.call("GET", SPACE_HOST, "/app/page?x=1&y=%2F").send();
        assertThat(firstVisit.statusCode()).isEqualTo(302);
        URI toMainOrigin = URI.create(firstVisit.headers().firstValue("Location").orElseThrow());
        assertThat(toMainOrigin.getScheme() + "://" + toMainOrigin.getHost() + toMainOrigin.getPath())
                .isEqualTo("https://knot.example.com/proxy/webport/authorize");
        assertThat(query(toMainOrigin)).containsEntry("host", SPACE_HOST).containsEntry("next", "/app/page?x=1&y=%2F");

        HttpResponse<String> authorized = fixture.follow(firstVisit)
                .cookies(Credentials.SESSION_COOKIE + "=" + session).send();
        assertThat(authorized.statusCode()).isEqualTo(302);
        assertThat(authorized.headers().firstValue("Location").orElseThrow())
                .startsWith("https://" + SPACE_HOST + "/.knot/authorize?code=");
        assertThat(authorized.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> redeemed = fixture.follow(authorized).send();
        assertThat(redeemed.statusCode()).isEqualTo(302);
        assertThat(redeemed.headers().firstValue("Location")).contains("/app/page?x=1&y=%2F");
        String setCookie = redeemed.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("__Host-KNOT_WEBPORT_PASS=")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Secure", "; Max-Age=")
                .doesNotContainIgnoringCase("domain");

        HttpResponse<String> app = fixture.follow(redeemed).cookies(passCookie(redeemed)).send();
        assertThat(app.statusCode()).isEqualTo(200);
        JsonNode echoed = fixture.json(app.body());
        assertThat(echoed.path("path").asText()).isEqualTo("/app/page");
        assertThat(echoed.path("query").asText()).isEqualTo("x=1&y=%2F");
        assertThat(header(echoed, "authorization")).containsExactly("Bearer " + fixture.registration.serverToken());
        assertThat(header(echoed, "x-proxy")).containsExactly("knot");
        assertThat(header(echoed, "cookie")).isEmpty();
    }

    @Test
    void a_browser_that_is_not_logged_in_logs_in_through_the_form_and_reaches_the_space() throws Exception {
        HttpResponse<String> firstVisit = fixture.call("GET", SPACE_HOST, "/app/page?x=1&y=%2F").send();
        HttpResponse<String> toLogin = fixture.follow(firstVisit).send();
        assertThat(toLogin.statusCode()).isEqualTo(303);
        URI loginPage = URI.create(toLogin.headers().firstValue("Location").orElseThrow());
        assertThat(loginPage.getPath()).isEqualTo("/login");
        String back = query(loginPage).get("redirect");
        assertThat(back).startsWith("/proxy/webport/authorize?host=" + SPACE_HOST + "&next=");

        HttpResponse<String> form = fixture.follow(toLogin).send();
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher hidden = Pattern.compile("name=\"redirect\" value=\"([^\"]*)\"").matcher(form.body());
        assertThat(hidden.find()).isTrue();
        assertThat(hidden.group(1).replace("&amp;", "&")).isEqualTo(back);
        HttpResponse<String> loggedIn = fixture.call("POST", "knot.example.com", "/login")
                .header("Origin", "https://knot.example.com")
                .header("Content-Type", FormBody.CONTENT_TYPE)
                .body(HttpRequest.BodyPublishers.ofString("email=" + fixture.alice.email() + "&password="
                        + java.net.URLEncoder.encode(World.PASSWORD, UTF_8) + "&redirect="
                        + java.net.URLEncoder.encode(hidden.group(1).replace("&amp;", "&"), UTF_8)))
                .send();
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains(back);
        String session = LoginPagesTest.session(loggedIn);

        HttpResponse<String> authorized = fixture.follow(loggedIn)
                .cookies(Credentials.SESSION_COOKIE + "=" + session).send();
        assertThat(authorized.statusCode()).isEqualTo(302);
        HttpResponse<String> redeemed = fixture.follow(authorized).send();
        HttpResponse<String> app = fixture.follow(redeemed).cookies(passCookie(redeemed)).send();

        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(fixture.json(app.body()).path("path").asText()).isEqualTo("/app/page");
        assertThat(fixture.json(app.body()).path("query").asText()).isEqualTo("x=1&y=%2F");
    }

    @Test
    void the_authorize_route_keeps_its_401_for_a_bearer() throws Exception {
        String path = "/proxy/webport/authorize?host=" + SPACE_HOST + "&next=%2F";

        HttpResponse<String> forged = fixture.call("GET", "knot.example.com", path).bearer("knot_t_forged").send();
        HttpResponse<String> apiToken = fixture.call("GET", "knot.example.com", path)
                .bearer(fixture.token(fixture.alice)).send();
        HttpResponse<String> expiredSession = fixture.call("GET", "knot.example.com", path)
                .cookies(Credentials.SESSION_COOKIE + "=knot_s_expired").send();

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(fixture.json(forged.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(apiToken.statusCode()).isEqualTo(401);
        assertThat(fixture.json(apiToken.body()).path("error").asText()).contains("API token cannot open one");
        assertThat(expiredSession.statusCode()).isEqualTo(303);
        assertThat(expiredSession.headers().firstValue("Location").orElseThrow()).startsWith("/login?redirect=");
    }

    @Test
    void a_code_is_redeemed_once_and_only_on_its_own_host() throws Exception {
        HttpResponse<String> authorized = authorize(fixture.session(fixture.alice), SPACE_HOST, "/");
        String code = authorized.headers().firstValue("Location").orElseThrow().replaceFirst(".*code=", "");

        assertThat(fixture.call("GET", OTHER_PORT_HOST, "/.knot/authorize?code=" + code).send().statusCode())
                .isEqualTo(401);
        assertThat(fixture.follow(authorized).send().statusCode()).isEqualTo(302);
        HttpResponse<String> again = fixture.follow(authorized).send();
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(fixture.json(again.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(fixture.call("GET", SPACE_HOST, "/.knot/authorize?code=forged").send().statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_pass_opens_only_the_host_it_was_issued_for() throws Exception {
        String pass = passFor(fixture.alice, SPACE_HOST);

        HttpResponse<String> otherPort = fixture.call("GET", OTHER_PORT_HOST, "/").cookies(pass).send();

        assertThat(otherPort.statusCode()).isEqualTo(302);
        assertThat(otherPort.headers().firstValue("Location").orElseThrow()).contains("host=" + OTHER_PORT_HOST);
    }

    @Test
    void logging_out_ends_the_pass() throws Exception {
        String session = fixture.session(fixture.alice);
        String pass = passCookie(fixture.follow(authorize(session, SPACE_HOST, "/")).send());

        fixture.world.authService.logout(session);

        assertThat(fixture.call("GET", SPACE_HOST, "/").cookies(pass).send().statusCode()).isEqualTo(302);
        assertThat(fixture.call("POST", SPACE_HOST, "/").cookies(pass).send().statusCode()).isEqualTo(401);
    }

    @Test
    void the_reserved_paths_never_reach_the_app() throws Exception {
        assertThat(fixture.call("GET", SPACE_HOST, "/.knot/other").send().statusCode()).isEqualTo(404);
        HttpResponse<String> post = fixture.call("POST", SPACE_HOST, "/.knot/authorize?code=x").send();
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(fixture.call("HEAD", SPACE_HOST, "/.knot/authorize?code=x").send().statusCode()).isEqualTo(405);
        assertThat(fixture.call("GET", SPACE_HOST, "/.knot/authorize").send().statusCode()).isEqualTo(400);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void a_script_gets_in_with_a_session_or_an_api_token_as_bearer() throws Exception {
        for (String credential : List.of(fixture.token(fixture.alice), fixture.session(fixture.alice))) {
            HttpResponse<String> app = fixture.call("GET", SPACE_HOST, "/api").bearer(credential).send();

            assertThat(app.statusCode()).isEqualTo(200);
            assertThat(header(fixture.json(app.body()), "authorization"))
                    .containsExactly("Bearer " + fixture.registration.serverToken());
        }
    }

    @Test
    void a_space_manager_gets_in_and_anyone_else_gets_404() throws Exception {
        assertThat(fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.manager)).send().statusCode())
                .isEqualTo(200);
        fixture.agent.requests.clear();

        HttpResponse<String> bob = fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.bob)).send();
        HttpResponse<String> bobsBrowser = authorize(fixture.session(fixture.bob), SPACE_HOST, "/");

        assertThat(bob.statusCode()).isEqualTo(404);
        assertThat(fixture.json(bob.body()).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(bobsBrowser.statusCode()).isEqualTo(404);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void without_a_credential_a_page_is_sent_to_log_in_and_anything_else_is_401() throws Exception {
        HttpResponse<String> head = fixture.call("HEAD", SPACE_HOST, "/").send();
        HttpResponse<String> post = fixture.call("POST", SPACE_HOST, "/form").send();
        HttpResponse<String> badBearer = fixture.call("GET", SPACE_HOST, "/").bearer("knot_t_forged").send();

        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(fixture.json(post.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(badBearer.statusCode()).isEqualTo(401);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void only_ports_the_agent_reports_are_reachable() throws Exception {
        String token = fixture.token(fixture.alice);
        for (String port : List.of(String.valueOf(WebPortFixture.UNREPORTED_PORT), "22", "2375", "65535")) {
            assertThat(fixture.call("GET", "alice--dev--" + port + ".knot.example.com", "/").bearer(token).send()
                    .statusCode()).as(port).isEqualTo(404);
        }
        assertThat(fixture.call("GET", "alice--other--8080.knot.example.com", "/").bearer(token).send().statusCode())
                .isEqualTo(404);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void the_app_receives_no_knot_credential() throws Exception {
        String session = fixture.session(fixture.alice);
        String pass = passFor(fixture.alice, SPACE_HOST);

        String token = fixture.token(fixture.alice);

        // The second request is let through on the grant the first left (RecentWebPortGrants), from the I/O thread.
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> app = fixture.call("GET", SPACE_HOST, "/").cookies(pass + "; theme=dark; "
                            + Credentials.SESSION_COOKIE + "=" + session + "; __Secure-knot_webport_pass=x; other=1")
                    .bearer(token).send();

            JsonNode echoed = fixture.json(app.body());
            assertThat(header(echoed, "cookie")).containsExactly("theme=dark; other=1");
            assertThat(header(echoed, "authorization")).containsExactly("Bearer " + fixture.registration.serverToken());
            assertThat(app.body()).doesNotContain(session, pass.substring(pass.indexOf('=') + 1), token);
        }
        assertThat(fixture.agent.requests).hasSize(2);
    }

    @Test
    void forwarding_headers_are_set_by_knot_not_appended_to_the_clients() throws Exception {
        HttpResponse<String> app = fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.alice))
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Port", "1").header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6").header("X-Forwarded-Prefix", "/evil").header("X-Proxy", "forged")
                .send();

        JsonNode echoed = fixture.json(app.body());
        assertThat(header(echoed, "x-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(header(echoed, "x-forwarded-host")).containsExactly(SPACE_HOST);
        assertThat(header(echoed, "x-forwarded-proto")).containsExactly("https");
        assertThat(header(echoed, "x-forwarded-port")).containsExactly("443");
        assertThat(header(echoed, "host")).containsExactly(SPACE_HOST);
        assertThat(header(echoed, "x-proxy")).containsExactly("knot");
        assertThat(header(echoed, "forwarded")).isEmpty();
        assertThat(header(echoed, "x-real-ip")).isEmpty();
        assertThat(header(echoed, "x-forwarded-prefix")).isEmpty();
    }

    @Test
    void hop_by_hop_headers_are_not_forwarded() throws Exception {
        String token = fixture.token(fixture.alice);
        try (RawHttp raw = fixture.raw()) {
            raw.send("GET /hop HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Connection: close\r\nConnection: X-Hop-Secret\r\nX-Hop-Secret: 1\r\nKeep-Alive: timeout=5\r\n"
                    + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\n"
                    + "Trailer: X-Checksum\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n"
                    + "X-End-To-End: kept\r\n\r\n");
            String reply = raw.readUntilClosed().text();

            assertThat(reply).startsWith("HTTP/1.1 200");
            JsonNode echoed = fixture.json(reply.substring(reply.indexOf("\r\n\r\n") + 4));
            for (String hopByHop : List.of("x-hop-secret", "keep-alive", "proxy-authorization", "proxy-connection",
                    "te", "trailer", "upgrade", "http2-settings")) {
                assertThat(header(echoed, hopByHop)).as(hopByHop).isEmpty();
            }
            assertThat(header(echoed, "connection")).containsExactly("keep-alive");
            assertThat(header(echoed, "x-end-to-end")).containsExactly("kept");
        }
    }

    @Test
    void cookies_that_could_reach_knot_or_other_spaces_are_dropped_and_host_only_ones_kept() throws Exception {
        HttpResponse<String> app = fixture.call("GET", SPACE_HOST, "/set-cookies").bearer(fixture.token(fixture.alice))
                .send();

        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().allValues("Set-Cookie")).containsExactly("app=1; Path=/", "prefs=dark; Path=/; HttpOnly");
    }

    @Test
    void the_apps_own_headers_replace_knots_api_policies() throws Exception {
        HttpResponse<String> app = fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.alice)).send();

        assertThat(app.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(app.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(app.headers().firstValue("Cache-Control")).contains("private");
        assertThat(app.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void a_pass_authenticated_write_from_another_spaces_page_is_refused() throws Exception {
        String pass = passFor(fixture.alice, SPACE_HOST);

        HttpResponse<String> fromMallory = fixture.call("POST", SPACE_HOST, "/form").cookies(pass)
                .header("Origin", "https://mallory--site--8080.knot.example.com").send();
        HttpResponse<String> fromNull = fixture.call("POST", SPACE_HOST, "/form").cookies(pass)
                .header("Origin", "null").send();
        HttpResponse<String> fromSameSpace = fixture.call("POST", SPACE_HOST, "/form").cookies(pass)
                .header("Origin", "https://" + OTHER_PORT_HOST).send();
        HttpResponse<String> fromItself = fixture.call("POST", SPACE_HOST, "/form").cookies(pass)
                .header("Origin", "https://" + SPACE_HOST).send();

        assertThat(fromMallory.statusCode()).isEqualTo(403);
        assertThat(fromNull.statusCode()).isEqualTo(403);
        assertThat(fromSameSpace.statusCode()).isEqualTo(200);
        assertThat(fromItself.statusCode()).isEqualTo(200);
    }

    @Test
    void code_servers_host_takes_writes_only_from_its_own_pages_not_from_the_spaces_apps() throws Exception {
        String codeHost = "alice--dev--code.knot.example.com";
        String pass = passFor(fixture.alice, codeHost);

        HttpResponse<String> fromApp = fixture.call("POST", codeHost, "/form").cookies(pass)
                .header("Origin", "https://" + SPACE_HOST).send();
        HttpResponse<String> fromItself = fixture.call("POST", codeHost, "/form").cookies(pass)
                .header("Origin", "https://" + codeHost).send();

        assertThat(fromApp.statusCode()).isEqualTo(403);
        assertThat(fromItself.statusCode()).isEqualTo(200);
    }

    @Test
    void a_pass_let_in_a_moment_ago_is_still_held_to_the_same_space_origin() throws Exception {
        String pass = passFor(fixture.alice, SPACE_HOST);
        assertThat(fixture.call("GET", SPACE_HOST, "/").cookies(pass).send().statusCode()).isEqualTo(200);

        HttpResponse<String> fromMallory = fixture.call("POST", SPACE_HOST, "/form").cookies(pass)
                .header("Origin", "https://mallory--site--8080.knot.example.com").send();

        assertThat(fromMallory.statusCode()).isEqualTo(403);
        assertThat(fixture.json(fromMallory.body()).path("code").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(fixture.agent.requests).hasSize(1);
    }

    @Test
    void a_websocket_passes_through_the_proxy() throws Exception {
        try (RawWebSocket socket = new RawWebSocket(fixture.address(), SPACE_HOST, "/ws",
                "Authorization: Bearer " + fixture.token(fixture.alice))) {
            assertThat(socket.statusLine()).startsWith("HTTP/1.1 101");

            socket.sendText("hot reload");
            assertThat(socket.readText()).isEqualTo("echo: hot reload");
            socket.sendText("again");
            assertThat(socket.readText()).isEqualTo("echo: again");
        }
    }

    @Test
    void a_websocket_with_a_pass_must_come_from_a_page_of_the_same_space() throws Exception {
        String pass = passFor(fixture.alice, SPACE_HOST);

        try (RawWebSocket own = new RawWebSocket(fixture.address(), SPACE_HOST, "/ws", "Cookie: " + pass,
                "Origin: https://" + SPACE_HOST);
                RawWebSocket foreign = new RawWebSocket(fixture.address(), SPACE_HOST, "/ws", "Cookie: " + pass,
                        "Origin: https://bob--dev--8080.knot.example.com")) {
            assertThat(own.statusLine()).startsWith("HTTP/1.1 101");
            own.sendText("mine");
            assertThat(own.readText()).isEqualTo("echo: mine");
            assertThat(foreign.statusLine()).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void twenty_megabytes_stream_up_and_down() throws Exception {
        int size = 20 * StandInAgent.MIB;
        byte[] upload = new byte[size];
        for (int index = 0; index < size; index++) {
            upload[index] = StandInAgent.patternByte(index * 7L);
        }
        String token = fixture.token(fixture.alice);

        HttpResponse<String> uploaded = fixture.call("POST", SPACE_HOST, "/upload").bearer(token)
                .body(HttpRequest.BodyPublishers.ofByteArray(upload)).send();
        HttpResponse<InputStream> downloaded = fixture.call("GET", SPACE_HOST, "/download?bytes=" + size)
                .bearer(token).send(HttpResponse.BodyHandlers.ofInputStream());

        assertThat(uploaded.statusCode()).isEqualTo(200);
        JsonNode received = fixture.json(uploaded.body());
        assertThat(received.path("bytes").asLong()).isEqualTo(size);
        assertThat(received.path("sha256").asText()).isEqualTo(sha256(upload));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        long index = 0;
        try (InputStream in = downloaded.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                for (int offset = 0; offset < read; offset++, index++) {
                    if (buffer[offset] != StandInAgent.patternByte(index)) {
                        throw new AssertionError("byte " + index + " differs");
                    }
                }
            }
        }
        assertThat(index).isEqualTo(size);
    }

    @Test
    void a_response_reaches_the_browser_while_the_app_is_still_writing_it() throws Exception {
        HttpResponse<InputStream> response = fixture.call("GET", SPACE_HOST, "/stream")
                .bearer(fixture.token(fixture.alice)).send(HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
            // The app writes the second line only after this one has arrived: a buffering proxy would hang here.
            assertThat(lines.readLine()).isEqualTo("first");
            fixture.agent.releaseStream.countDown();
            assertThat(lines.readLine()).isEqualTo("second");
        }
    }

    @Test
    void a_request_body_reaches_the_app_while_the_browser_is_still_sending_it() throws Exception {
        byte[] half = new byte[StandInAgent.MIB];
        try (Socket socket = new Socket()) {
            socket.connect(fixture.address(), 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: " + SPACE_HOST + "\r\nAuthorization: Bearer "
                    + fixture.token(fixture.alice) + "\r\nContent-Length: " + 2 * half.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
            out.write(half);
            out.flush();

            // The second half is sent only once the app has read the first: a buffering proxy would never pass it.
            assertThat(fixture.agent.uploadStarted.await(StandInAgent.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            out.write(half);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), UTF_8);

            assertThat(reply).startsWith("HTTP/1.1 200");
            assertThat(fixture.json(reply.substring(reply.indexOf("\r\n\r\n") + 4)).path("bytes").asLong())
                    .isEqualTo(2L * half.length);
        }
    }

    @Test
    void an_agent_that_cannot_be_reached_is_a_json_502() throws Exception {
        fixture.agent.close();

        HttpResponse<String> response = fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.alice))
                .send();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(fixture.json(response.body()).path("code").asText()).isEqualTo("AGENT_UNREACHABLE");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void an_agent_that_never_accepts_the_connection_is_a_json_502_at_the_connect_deadline() throws Exception {
        // A listener that accepts nothing: once its backlog is full, the kernel drops further connection attempts.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                for (int index = 0; index < 4; index++) {
                    Socket queued = new Socket();
                    queued.connect(silent.getLocalSocketAddress(), 200);
                    backlog.add(queued);
                }
            } catch (IOException backlogFull) {
                // The backlog is full: new connections now wait, which is the case under test.
            }
            fixture.registerAgentAt("127.0.0.1:" + silent.getLocalPort());

            HttpResponse<String> response = fixture.call("GET", SPACE_HOST, "/").bearer(fixture.token(fixture.alice))
                    .send();

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(fixture.json(response.body()).path("code").asText()).isEqualTo("AGENT_UNREACHABLE");
            for (Socket queued : backlog) {
                queued.close();
            }
        }
    }

    @Test
    void no_secret_reaches_the_log() throws Exception {
        String session = fixture.session(fixture.alice);
        String token = fixture.token(fixture.alice);
        try (CapturedLog log = new CapturedLog()) {
            String pass = passCookie(fixture.follow(authorize(session, SPACE_HOST, "/")).send());
            fixture.call("GET", SPACE_HOST, "/").cookies(pass).send();
            fixture.call("POST", SPACE_HOST, "/").bearer(token).send();
            fixture.agent.close();
            fixture.call("GET", SPACE_HOST, "/").bearer(token).send();

            String passValue = pass.substring(pass.indexOf('=') + 1);
            assertThat(log.lines()).isNotEmpty();
            for (String line : log.lines()) {
                assertThat(line).doesNotContain(session, token, passValue, fixture.registration.serverToken());
            }
        }
    }

    // ---- helpers ----

    private HttpResponse<String> authorize(String session, String host, String next) throws Exception {
        return fixture.call("GET", "knot.example.com", "/proxy/webport/authorize?host=" + host + "&next="
                        + java.net.URLEncoder.encode(next, UTF_8))
                .cookies(Credentials.SESSION_COOKIE + "=" + session).send();
    }

    /** The Cookie header value carrying a fresh pass of {@code user} for {@code host}. */
    private String passFor(dev.knot.ports.model.User user, String host) throws Exception {
        HttpResponse<String> authorized = authorize(fixture.session(user), host, "/");
        assertThat(authorized.statusCode()).isEqualTo(302);
        return passCookie(fixture.follow(authorized).send());
    }

    private static String passCookie(HttpResponse<?> redeemed) {
        Matcher matcher = PASS_COOKIE.matcher(redeemed.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return "__Host-KNOT_WEBPORT_PASS=" + matcher.group(1);
    }

    private static List<String> header(JsonNode echoed, String name) {
        List<String> values = new ArrayList<>();
        echoed.path("headers").path(name).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : Optional.ofNullable(uri.getRawQuery()).orElse("").split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameAndValue[0], UTF_8),
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], UTF_8) : "");
        }
        return parameters;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
