package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knot.ports.model.Space;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * code-server on knot's own origin, {@code /proxy/spaces/{space_id}/code-server/*}, against the stand-in agent: every
 * method reaches it, with knot's credentials stripped as on the space hosts, for the owner and space managers only;
 * cookie-authenticated writes and websockets need knot's exact origin. With a wildcard domain, a browser's reads are
 * sent to the space's code host, {@code <owner>--<space>--code.<domain>}, which serves code-server like a web port.
 */
class CodeServerRoutesTest {
    private static final String KNOT = "knot.example.com";
    private static final String ORIGIN = "https://knot.example.com";

    private WebPortFixture fixture;
    private String base;

    @BeforeEach
    void start() {
        fixture = new WebPortFixture();
        base = "/proxy/spaces/" + fixture.space.id().value() + "/code-server";
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_post_reaches_code_server_with_its_body_path_and_query_and_no_knot_credential() throws Exception {
        String session = fixture.session(fixture.alice);

        HttpResponse<String> response = fixture.call("POST", KNOT, base + "/api/save?file=a%2Fb.txt")
                .bearer(fixture.token(fixture.alice))
                .cookies(Credentials.SESSION_COOKIE + "=" + session + "; vscode-tkn=abc")
                .header("Content-Type", "text/plain")
                .body(HttpRequest.BodyPublishers.ofString("hello")).send();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echoed = fixture.json(response.body());
        assertThat(echoed.path("method").asText()).isEqualTo("POST");
        assertThat(echoed.path("path").asText()).isEqualTo("/api/save");
        assertThat(echoed.path("query").asText()).isEqualTo("file=a%2Fb.txt");
        assertThat(header(echoed, "authorization")).containsExactly("Bearer " + fixture.registration.serverToken());
        assertThat(header(echoed, "cookie")).containsExactly("vscode-tkn=abc");
        assertThat(header(echoed, "x-forwarded-host")).containsExactly(KNOT);
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void every_method_is_forwarded() throws Exception {
        String token = fixture.token(fixture.alice);
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> response = fixture.call(method, KNOT, base + "/").bearer(token).send();

            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(fixture.json(response.body()).path("method").asText()).isEqualTo(method);
        }
        assertThat(fixture.call("HEAD", KNOT, base + "/").bearer(token).send().statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_wildcard_domain_a_browser_reads_code_server_here_with_its_cookie() throws Exception {
        fixture.close();
        fixture = new WebPortFixture(HttpConfig.defaults("127.0.0.1", 0, WebPortFixture.PUBLIC_URL));
        base = "/proxy/spaces/" + fixture.space.id().value() + "/code-server";
        String cookie = Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.alice);

        HttpResponse<String> page = fixture.call("GET", KNOT, base + "/?folder=x").cookies(cookie).send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(fixture.json(page.body()).path("query").asText()).isEqualTo("folder=x");
        assertThat(header(fixture.json(page.body()), "cookie")).isEmpty();
    }

    @Test
    void with_a_wildcard_domain_a_browser_reading_here_is_sent_to_the_code_host_of_the_spaces_owner()
            throws Exception {
        String alice = Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.alice);
        String manager = Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.manager);
        String bob = Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.bob);
        String path = base + "/src/a%20b.ts?folder=%2Fhome%2Falice&x=1";
        String codeHost = "https://alice--dev--code.knot.example.com/src/a%20b.ts?folder=%2Fhome%2Falice&x=1";

        HttpResponse<String> owner = fixture.call("GET", KNOT, path).cookies(alice).send();
        HttpResponse<String> head = fixture.call("HEAD", KNOT, path).cookies(alice).send();
        HttpResponse<String> byManager = fixture.call("GET", KNOT, path).cookies(manager).send();
        HttpResponse<String> root = fixture.call("GET", KNOT, base + "/").cookies(alice).send();
        HttpResponse<String> other = fixture.call("GET", KNOT, path).cookies(bob).send();

        assertThat(owner.statusCode()).isEqualTo(302);
        assertThat(owner.headers().firstValue("Location")).contains(codeHost);
        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(head.headers().firstValue("Location")).contains(codeHost);
        assertThat(byManager.statusCode()).isEqualTo(302);
        assertThat(byManager.headers().firstValue("Location")).contains(codeHost);
        assertThat(root.headers().firstValue("Location")).contains("https://alice--dev--code.knot.example.com/");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(fixture.agent.requests).isEmpty();

        HttpResponse<String> write = fixture.call("POST", KNOT, path).cookies(alice).header("Origin", ORIGIN).send();
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(fixture.json(write.body()).path("method").asText()).isEqualTo("POST");
        assertThat(fixture.json(write.body()).path("path").asText()).isEqualTo("/src/a%20b.ts");
    }

    @Test
    void the_owner_and_space_managers_reach_code_server_on_the_code_host_and_anyone_else_gets_404()
            throws Exception {
        String codeHost = "alice--dev--code.knot.example.com";
        String session = fixture.session(fixture.alice);

        HttpResponse<String> owner = fixture.call("GET", codeHost, "/src/app.ts?x=1")
                .bearer(fixture.token(fixture.alice))
                .cookies(Credentials.SESSION_COOKIE + "=" + session + "; vscode-tkn=abc").send();

        assertThat(owner.statusCode()).isEqualTo(200);
        JsonNode echoed = fixture.json(owner.body());
        assertThat(echoed.path("path").asText()).isEqualTo("/src/app.ts");
        assertThat(echoed.path("query").asText()).isEqualTo("x=1");
        assertThat(header(echoed, "authorization")).containsExactly("Bearer " + fixture.registration.serverToken());
        assertThat(header(echoed, "cookie")).containsExactly("vscode-tkn=abc");
        assertThat(owner.body()).doesNotContain(session);
        assertThat(fixture.call("GET", codeHost, "/").bearer(fixture.token(fixture.manager)).send().statusCode())
                .isEqualTo(200);
        fixture.agent.requests.clear();

        assertThat(fixture.call("GET", codeHost, "/").bearer(fixture.token(fixture.bob)).send().statusCode())
                .isEqualTo(404);
        assertThat(fixture.call("GET", "bob--dev--code.knot.example.com", "/").bearer(fixture.token(fixture.alice))
                .send().statusCode()).isEqualTo(404);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void a_browser_writes_with_its_cookie_only_from_knots_origin() throws Exception {
        String cookie = Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.alice);

        HttpResponse<String> crossSite = fixture.call("POST", KNOT, base + "/api").cookies(cookie)
                .header("Origin", "https://alice--dev--8080.knot.example.com").send();
        HttpResponse<String> sameOrigin = fixture.call("POST", KNOT, base + "/api").cookies(cookie)
                .header("Origin", ORIGIN).send();

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void a_websocket_opened_with_the_cookie_must_come_from_knots_origin() throws Exception {
        String cookie = "Cookie: " + Credentials.SESSION_COOKIE + "=" + fixture.session(fixture.alice);

        try (RawWebSocket fromKnot = new RawWebSocket(fixture.address(), KNOT, base + "/ws", cookie,
                "Origin: " + ORIGIN);
                RawWebSocket fromASpace = new RawWebSocket(fixture.address(), KNOT, base + "/ws", cookie,
                        "Origin: https://mallory--site--8080.knot.example.com");
                RawWebSocket withoutOrigin = new RawWebSocket(fixture.address(), KNOT, base + "/ws", cookie);
                RawWebSocket script = new RawWebSocket(fixture.address(), KNOT, base + "/ws",
                        "Authorization: Bearer " + fixture.token(fixture.alice))) {
            assertThat(fromKnot.statusLine()).startsWith("HTTP/1.1 101");
            fromKnot.sendText("extension host");
            assertThat(fromKnot.readText()).isEqualTo("echo: extension host");
            assertThat(fromASpace.statusLine()).startsWith("HTTP/1.1 403");
            assertThat(withoutOrigin.statusLine()).startsWith("HTTP/1.1 403");
            assertThat(script.statusLine()).startsWith("HTTP/1.1 101");
        }
    }

    @Test
    void the_owner_and_space_managers_get_in_and_anyone_else_gets_404() throws Exception {
        assertThat(fixture.call("GET", KNOT, base + "/").bearer(fixture.token(fixture.manager)).send().statusCode())
                .isEqualTo(200);
        fixture.agent.requests.clear();

        assertThat(fixture.call("POST", KNOT, base + "/").bearer(fixture.token(fixture.bob)).send().statusCode())
                .isEqualTo(404);
        assertThat(fixture.call("GET", KNOT, base + "/").send().statusCode()).isEqualTo(401);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void a_space_without_an_agent_is_404() throws Exception {
        Space stopped = SpaceFixtures.aStoppedSpace().withOwner(fixture.alice.id()).build();
        fixture.world.spaces.create(stopped);

        HttpResponse<String> response = fixture.call("GET", KNOT, "/proxy/spaces/" + stopped.id().value()
                + "/code-server/").bearer(fixture.token(fixture.alice)).send();

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/code%2Dserver/x", "/code-server%2Fx", "/code-server"})
    void only_the_literal_prefix_is_forwarded(String suffix) throws Exception {
        String path = "/proxy/spaces/" + fixture.space.id().value() + suffix;

        HttpResponse<String> response = fixture.call("GET", KNOT, path).bearer(fixture.token(fixture.alice)).send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(fixture.agent.requests).isEmpty();
    }

    @Test
    void an_agent_that_cannot_be_reached_is_a_json_502() throws Exception {
        fixture.agent.close();

        HttpResponse<String> response = fixture.call("POST", KNOT, base + "/api").bearer(fixture.token(fixture.alice))
                .send();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(fixture.json(response.body()).path("code").asText()).isEqualTo("AGENT_UNREACHABLE");
    }

    private static List<String> header(JsonNode echoed, String name) {
        List<String> values = new ArrayList<>();
        echoed.path("headers").path(name).forEach(value -> values.add(value.asText()));
        return values;
    }
}
