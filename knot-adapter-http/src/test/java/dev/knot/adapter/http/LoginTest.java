package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.User;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Login, the session cookie and logout (security cases 1, 2, 4, 15, 18). */
class LoginTest {
    private ApiServer api;
    private User alice;

    private void start(HttpConfig config) {
        api = ApiServer.start(new World(), config);
        User admin = api.world.admin();
        alice = api.world.user(admin, "alice");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void login_answers_a_session_secret_and_every_login_opens_a_new_session() throws Exception {
        start(ApiServer.config());
        Set<String> tokens = new HashSet<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = login("/api/v1/auth", alice.email(), World.PASSWORD);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).matches("\\{\"status\":true,\"token\":\"knot_s_[^\"]+\"}");
            tokens.add(response.body());
        }

        assertThat(tokens).hasSize(3);
        assertThat(api.world.sessions.findByUser(alice.id())).hasSize(3);
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_the_same_answer() throws Exception {
        start(ApiServer.config());

        HttpResponse<String> unknown = login("/api/v1/auth", "nobody@example.com", "wrong password");
        HttpResponse<String> wrong = login("/api/v1/auth", alice.email(), "wrong password");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void a_missing_field_is_a_400_naming_it() throws Exception {
        start(ApiServer.config());

        HttpResponse<String> response = api.call("POST", "/api/v1/auth").json("{\"email\":\"a@example.com\"}").send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("password");
    }

    @Test
    void web_login_sets_a_host_only_http_only_lax_session_cookie_and_keeps_the_secret_out_of_the_body()
            throws Exception {
        start(ApiServer.config());

        HttpResponse<String> response = login("/api/v1/auth/web", alice.email(), World.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":true}");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches(Credentials.SESSION_COOKIE
                + "=knot_s_[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(cookie).doesNotContainIgnoringCase("Domain").doesNotContainIgnoringCase("Max-Age")
                .doesNotContainIgnoringCase("Expires");
        String secret = sessionSecret(cookie);
        assertThat(api.call("GET", "/api/v1/users/whoami").cookie(secret).send().statusCode()).isEqualTo(200);
    }

    @Test
    void the_cookie_is_not_secure_when_knot_is_reached_over_plain_http() throws Exception {
        start(HttpConfig.defaults("127.0.0.1", 0, URI.create("http://knot.internal:8080")));

        HttpResponse<String> response = login("/api/v1/auth/web", alice.email(), World.PASSWORD);

        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    @Test
    void a_preset_cookie_is_ignored_by_login_and_logout_kills_the_session_for_good() throws Exception {
        start(ApiServer.config());
        String planted = "knot_s_planted-by-a-space-app";

        HttpResponse<String> loggedIn = api.call("POST", "/api/v1/auth/web")
                .cookie(planted)
                .header("Origin", ApiServer.ORIGIN)
                .json(credentials(alice.email(), World.PASSWORD))
                .send();
        String secret = sessionSecret(loggedIn.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(secret).isNotEqualTo(planted);

        HttpResponse<String> loggedOut =
                api.call("POST", "/api/v1/auth/logout").cookie(secret).header("Origin", ApiServer.ORIGIN).send();

        assertThat(loggedOut.statusCode()).isEqualTo(200);
        assertThat(loggedOut.body()).isEqualTo("{\"status\":true}");
        assertThat(loggedOut.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(Credentials.SESSION_COOKIE + "=;")
                .contains("Max-Age=0", "Path=/");
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
        assertThat(api.call("GET", "/api/v1/users/whoami").cookie(secret).send().statusCode()).isEqualTo(401);
    }

    @Test
    void logging_out_with_a_bearer_session_ends_it_and_with_an_api_token_ends_nothing() throws Exception {
        start(ApiServer.config());
        String session = token(login("/api/v1/auth", alice.email(), World.PASSWORD));
        String apiToken = api.world.token(alice);

        HttpResponse<String> withToken = api.call("POST", "/api/v1/auth/logout").bearer(apiToken).send();
        HttpResponse<String> withSession = api.call("POST", "/api/v1/auth/logout").bearer(session).send();

        assertThat(withToken.body()).isEqualTo("{\"status\":false}");
        assertThat(withSession.body()).isEqualTo("{\"status\":true}");
        assertThat(api.call("GET", "/api/v1/ping").bearer(session).send().statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/ping").bearer(apiToken).send().statusCode()).isEqualTo(200);
    }

    @Test
    void web_login_from_a_foreign_origin_is_refused_login_csrf() throws Exception {
        start(ApiServer.config());

        HttpResponse<String> response = api.call("POST", "/api/v1/auth/web")
                .header("Origin", "https://evil.example")
                .json(credentials(alice.email(), World.PASSWORD))
                .send();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
    }

    @Test
    void a_redirect_parameter_is_never_followed_or_echoed() throws Exception {
        start(ApiServer.config());
        for (String target : List.of("//evil.com", "/%5Cevil.com", "https:evil.com", "javascript:alert(1)",
                "/%0d%0aSet-Cookie:x", "https://knot.example.com@evil.com/")) {
            HttpResponse<String> response = api.call("POST", "/api/v1/auth/web?redirect=" + target)
                    .header("Origin", ApiServer.ORIGIN)
                    .json(credentials(alice.email(), World.PASSWORD))
                    .send();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.headers().allValues("Set-Cookie")).hasSize(1);
            assertThat(response.body()).doesNotContain("evil");
        }
    }

    @Test
    void brute_force_trips_the_account_limit_whatever_x_forwarded_for_says_and_the_account_recovers()
            throws Exception {
        start(ApiServer.config());
        int limited = 0;
        String retryAfter = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> response = api.call("POST", "/api/v1/auth")
                    .header("X-Forwarded-For", "198.51.100." + attempt)
                    .json(credentials(alice.email(), "guess number " + attempt))
                    .send();
            assertThat(response.statusCode()).isIn(401, 429);
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
                assertThat(response.body()).contains("RATE_LIMITED").doesNotContain("alice");
            }
        }
        assertThat(limited).isEqualTo(15);
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, Duration.ofMinutes(15).toSeconds());
        assertThat(login("/api/v1/auth", alice.email(), World.PASSWORD).statusCode()).isEqualTo(429);

        api.world.clock.advance(Duration.ofMinutes(16));

        assertThat(login("/api/v1/auth", alice.email(), World.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void x_forwarded_for_is_believed_only_from_a_trusted_proxy() throws Exception {
        start(ApiServer.config().withTrustedProxies(List.of("127.0.0.0/8")));

        HttpResponse<String> viaProxy = api.call("POST", "/api/v1/auth")
                .header("X-Forwarded-For", "203.0.113.9, 10.1.2.3")
                .json(credentials(alice.email(), World.PASSWORD))
                .send();

        assertThat(viaProxy.statusCode()).isEqualTo(200);
        HttpResponse<String> sessions = api.call("GET", "/api/v1/sessions").bearer(token(viaProxy)).send();
        assertThat(sessions.body()).contains("\"ip\":\"10.1.2.3\"").contains("\"current\":true");
    }

    @Test
    void x_forwarded_for_from_an_untrusted_peer_is_ignored() throws Exception {
        start(ApiServer.config());

        HttpResponse<String> direct = api.call("POST", "/api/v1/auth")
                .header("X-Forwarded-For", "203.0.113.9")
                .json(credentials(alice.email(), World.PASSWORD))
                .send();

        HttpResponse<String> sessions = api.call("GET", "/api/v1/sessions").bearer(token(direct)).send();
        assertThat(sessions.body()).contains("\"ip\":\"127.0.0.1\"").doesNotContain("203.0.113.9");
    }

    private HttpResponse<String> login(String path, String email, String password) throws Exception {
        return api.call("POST", path).json(credentials(email, password)).send();
    }

    private static String credentials(String email, String password) {
        return String.format("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
    }

    private static String token(HttpResponse<String> login) {
        String body = login.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    private static String sessionSecret(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
