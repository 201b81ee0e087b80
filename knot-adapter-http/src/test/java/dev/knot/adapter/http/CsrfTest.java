package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cookie-authenticated writes must come from knot's own origin, exactly (security cases 13 and 14). */
class CsrfTest {
    private static final String REFUSED = "{\"error\":\"cross-site request refused\",\"code\":\"PERMISSION_DENIED\"}";
    private static final String NEW_TOKEN = "{\"name\":\"cli\"}";

    private ApiServer api;
    private User alice;
    private String session;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        alice = api.world.user(api.world.admin(), "alice");
        session = api.world.session(alice);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://alice--evil--8080.knot.example.com", "https://evil.example",
        "https://knot.example.com.evil.tld", "https://evilknot.example.com", "null", "http://knot.example.com",
        "https://knot.example.com:8443", "https://user@knot.example.com", "not a url"})
    void a_cookie_write_from_any_other_origin_is_refused(String origin) throws Exception {
        HttpResponse<String> response =
                api.call("POST", "/api/v1/tokens").cookie(session).header("Origin", origin).json(NEW_TOKEN).send();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(REFUSED);
        assertThat(api.world.tokens.findByUser(alice.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-site", "cross-site"})
    void a_cookie_write_stating_no_origin_is_refused(String fetchSite) throws Exception {
        HttpResponse<String> response = api.call("POST", "/api/v1/tokens")
                .cookie(session)
                .header("Sec-Fetch-Site", fetchSite)
                .json(NEW_TOKEN)
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://knot.example.com", "https://KNOT.example.com", "https://knot.example.com:443"})
    void a_cookie_write_from_knots_own_origin_passes(String origin) throws Exception {
        HttpResponse<String> response =
                api.call("POST", "/api/v1/tokens").cookie(session).header("Origin", origin).json(NEW_TOKEN).send();

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void without_origin_a_same_origin_referer_passes_and_a_foreign_one_does_not() throws Exception {
        HttpResponse<String> same = api.call("POST", "/api/v1/tokens")
                .cookie(session)
                .header("Referer", "https://knot.example.com/spaces?x=1")
                .json(NEW_TOKEN)
                .send();
        HttpResponse<String> foreign = api.call("POST", "/api/v1/tokens")
                .cookie(session)
                .header("Referer", "https://knot.example.com.evil.tld/spaces")
                .json(NEW_TOKEN)
                .send();

        assertThat(same.statusCode()).isEqualTo(201);
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void deletes_and_logout_are_writes_too() throws Exception {
        String tokenId = api.world.authService.createToken(alice, "cli").record().id().value();

        HttpResponse<String> delete = api.call("DELETE", "/api/v1/tokens/" + tokenId)
                .cookie(session)
                .header("Origin", "https://evil.example")
                .send();
        HttpResponse<String> logout = api.call("POST", "/api/v1/auth/logout").cookie(session).send();

        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(api.world.tokens.findByUser(alice.id())).hasSize(1);
        assertThat(api.world.sessions.findByUser(alice.id())).hasSize(1);
    }

    @Test
    void cookie_reads_need_no_origin() throws Exception {
        HttpResponse<String> response =
                api.call("GET", "/api/v1/tokens").cookie(session).header("Origin", "https://evil.example").send();

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_bearer_request_is_unaffected_by_origin() throws Exception {
        HttpResponse<String> response = api.call("POST", "/api/v1/tokens")
                .bearer(session)
                .header("Origin", "https://evil.example")
                .json(NEW_TOKEN)
                .send();

        assertThat(response.statusCode()).isEqualTo(201);
    }
}
