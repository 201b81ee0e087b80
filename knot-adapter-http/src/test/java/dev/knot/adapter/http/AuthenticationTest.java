package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.IssuedSecret;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access guard: which credentials open a route, and that nothing else does (security cases 4-7). */
class AuthenticationTest {
    private static final String UNAUTHENTICATED =
            "{\"error\":\"Authentication token is not valid\",\"code\":\"UNAUTHENTICATED\"}";

    private ApiServer api;
    private User admin;
    private User alice;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        admin = api.world.admin();
        alice = api.world.user(admin, "alice");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void an_api_token_works_as_a_bearer() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami").bearer(api.world.token(alice)).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"alice\"");
    }

    @Test
    void the_login_token_works_as_a_bearer_unlike_the_originals() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/ping").bearer(login(alice).secret()).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":true,\"version\":\"");
    }

    @Test
    void the_session_cookie_works_for_reads() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami").cookie(login(alice).secret()).send();

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void no_credential_gets_the_originals_401() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami").send();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHENTICATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6cGFzc3dvcmQ=", "Bearer", "Bearer ", "Token knot_t_abc", "bearer knot_t_nope",
        "Bearer knot_s_unknown", "Bearer 0192f2c4-7f3a-7b1e-9c6d-1a2b3c4d5e6f"})
    void an_unusable_authorization_header_gets_the_same_401(String authorization) throws Exception {
        HttpResponse<String> response =
                api.call("GET", "/api/v1/users/whoami").header("Authorization", authorization).send();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHENTICATED);
    }

    @Test
    void a_bad_bearer_does_not_fall_back_to_a_good_cookie() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami")
                .bearer("knot_t_wrong")
                .cookie(login(alice).secret())
                .send();

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_api_token_in_the_session_cookie_is_refused() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami").cookie(api.world.token(alice)).send();

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_second_session_cookie_tossed_by_a_space_app_is_refused() throws Exception {
        String session = login(alice).secret();

        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami")
                .header("Cookie", Credentials.SESSION_COOKIE + "=knot_s_attacker; "
                        + Credentials.SESSION_COOKIE + "=" + session)
                .send();

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "access_token", "session", "api_key", "TOKEN"})
    void a_credential_in_the_query_string_is_refused_and_never_used(String parameter) throws Exception {
        String token = api.world.token(alice);

        HttpResponse<String> withNothingElse = api.call("GET", "/api/v1/users/whoami?" + parameter + "=" + token).send();
        HttpResponse<String> alongsideAGoodBearer =
                api.call("GET", "/api/v1/ping?" + parameter + "=" + token).bearer(token).send();

        assertThat(withNothingElse.statusCode()).isEqualTo(400);
        assertThat(withNothingElse.body()).doesNotContain(token).contains("query string");
        assertThat(alongsideAGoodBearer.statusCode()).isEqualTo(400);
    }

    @Test
    void a_deactivated_users_token_and_session_fail_at_once() throws Exception {
        String token = api.world.token(alice);
        String session = login(alice).secret();
        assertThat(api.call("GET", "/api/v1/ping").bearer(token).send().statusCode()).isEqualTo(200);

        api.world.changeAccess(admin, alice, false, alice.roles());

        assertThat(api.call("GET", "/api/v1/ping").bearer(token).send().statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/ping").bearer(session).send().statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/ping").cookie(session).send().statusCode()).isEqualTo(401);
    }

    @Test
    void a_deleted_users_token_and_session_fail() throws Exception {
        String token = api.world.token(alice);
        String session = login(alice).secret();

        HttpResponse<String> deleted =
                api.call("DELETE", "/api/v1/users/" + alice.id()).bearer(api.world.token(admin)).send();

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/ping").bearer(token).send().statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/ping").bearer(session).send().statusCode()).isEqualTo(401);
    }

    @Test
    void nothing_stored_works_as_a_credential() throws Exception {
        IssuedSecret<Token> token = api.world.authService.createToken(alice, "cli");
        IssuedSecret<Session> session = login(alice);
        List<String> stored = new ArrayList<>();
        for (Token each : api.world.tokens.findByUser(alice.id())) {
            stored.add(each.secretHash());
            stored.add(each.id().value());
            stored.add(each.suffix());
        }
        for (Session each : api.world.sessions.findByUser(alice.id())) {
            stored.add(each.secretHash());
            stored.add(each.id().value());
        }
        assertThat(stored).doesNotContain(token.secret(), session.secret());

        for (String value : stored) {
            assertThat(api.call("GET", "/api/v1/ping").bearer(value).send().statusCode()).as(value).isEqualTo(401);
            assertThat(api.call("GET", "/api/v1/ping").cookie(value).send().statusCode()).as(value).isEqualTo(401);
        }
    }

    private IssuedSecret<Session> login(User user) {
        return api.world.authService.login(new LoginCommand(user.email(), World.PASSWORD, "192.0.2.1", "test"));
    }
}
