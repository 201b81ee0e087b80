package dev.knot.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.User;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login page, as a browser uses it: the form, its POST with the session cookie in the answer, and logout. */
class LoginPagesTest {
    private static final Pattern SESSION = Pattern.compile(Credentials.SESSION_COOKIE + "=([^;]*)");

    private ApiServer api;
    private User alice;

    private void start() {
        api = ApiServer.start();
        alice = api.world.user(api.world.admin(), "alice");
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void the_form_is_a_page_without_script_that_cannot_be_framed_or_kept() throws Exception {
        start();

        HttpResponse<String> page = api.call("GET", "/login?redirect=%2Fapi-tokens%2Fcreate%2Fcli").send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertIsPage(page);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">",
                "name=\"redirect\" value=\"/api-tokens/create/cli\"", "name=\"email\"", "type=\"password\"");
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    void logging_in_sets_the_session_cookie_and_sends_the_browser_to_the_redirect() throws Exception {
        start();

        HttpResponse<String> loggedIn = logIn(alice.email(), World.PASSWORD, "/api-tokens/create/cli?x=1", ApiServer.ORIGIN);

        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/api-tokens/create/cli?x=1");
        String setCookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Secure");
        HttpResponse<String> whoami = api.call("GET", "/api/v1/users/whoami").cookie(session(loggedIn)).send();
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"username\":\"alice\"");
        assertThat(api.world.sessions.findByUser(alice.id())).singleElement()
                .satisfies(session -> assertThat(session.userAgent()).isEqualTo("test browser"));
    }

    @Test
    void a_wrong_password_or_unknown_email_gets_the_form_again_with_one_message() throws Exception {
        start();

        for (String[] credentials : new String[][] {{alice.email(), "wrong"}, {"nobody@example.com", "wrong"}}) {
            HttpResponse<String> refused = logIn(credentials[0], credentials[1], "/", ApiServer.ORIGIN);

            assertThat(refused.statusCode()).isEqualTo(401);
            assertIsPage(refused);
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(refused.body()).contains(LoginPages.WRONG_CREDENTIALS, "<form")
                    .contains("value=\"" + credentials[0] + "\"").doesNotContain("wrong\"");
        }
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
    }

    @Test
    void a_locked_account_keeps_its_429_and_is_told_so_on_a_page() throws Exception {
        start();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(logIn(alice.email(), "guess " + attempt, "/", ApiServer.ORIGIN).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = logIn(alice.email(), World.PASSWORD, "/", ApiServer.ORIGIN);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertIsPage(locked);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).doesNotContain("RATE_LIMITED").contains("<form");
        assertThat(locked.headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://evil.example", "https://alice--dev--8080.knot.example.com", "null"})
    void a_post_that_does_not_state_our_origin_is_refused(String origin) throws Exception {
        start();

        HttpResponse<String> refused = logIn(alice.email(), World.PASSWORD, "/", origin);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertIsPage(refused);
        assertThat(refused.body()).contains(SameOriginPolicy.REFUSED_MESSAGE);
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil", "/\\evil", "/\\\\evil", "evil", "/a\r\nX: y"})
    void a_redirect_off_this_host_becomes_the_root(String redirect) throws Exception {
        start();

        HttpResponse<String> loggedIn = logIn(alice.email(), World.PASSWORD, redirect, ApiServer.ORIGIN);
        HttpResponse<String> form = api.call("GET", "/login?redirect=" + URLEncoder.encode(redirect, UTF_8)).send();

        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/");
        assertThat(form.body()).contains("name=\"redirect\" value=\"/\"");
    }

    @Test
    void a_redirect_given_twice_is_refused_on_a_page_rather_than_one_picked() throws Exception {
        start();

        HttpResponse<String> refused = api.call("GET", "/login?redirect=/a&redirect=//evil.example").send();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertIsPage(refused);
        assertThat(refused.body()).contains("redirect may be given only once");
    }

    @Test
    void the_redirect_is_escaped_in_the_form() throws Exception {
        start();

        HttpResponse<String> form = api.call("GET", "/login?redirect="
                + URLEncoder.encode("/x\"><script>alert(1)</script>", UTF_8)).send();

        assertThat(form.body()).contains("value=\"/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>");
    }

    @Test
    void a_logged_in_browser_goes_straight_to_the_redirect() throws Exception {
        start();
        String session = session(logIn(alice.email(), World.PASSWORD, "/", ApiServer.ORIGIN));

        HttpResponse<String> again = api.call("GET", "/login?redirect=%2Fsomewhere").cookie(session).send();

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains("/somewhere");
    }

    @Test
    void the_root_names_the_user_and_logging_out_ends_the_session() throws Exception {
        start();
        assertThat(api.call("GET", "/").send().headers().firstValue("Location")).contains("/login");
        String session = session(logIn(alice.email(), World.PASSWORD, "/", ApiServer.ORIGIN));

        HttpResponse<String> home = api.call("GET", "/").cookie(session).send();
        assertThat(home.statusCode()).isEqualTo(200);
        assertIsPage(home);
        assertThat(home.body()).contains("<strong>alice</strong>", "action=\"/logout\"");

        HttpResponse<String> foreign = api.call("POST", "/logout").cookie(session)
                .header("Origin", "https://evil.example").send();
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(api.world.sessions.findByUser(alice.id())).hasSize(1);

        HttpResponse<String> loggedOut = api.call("POST", "/logout").cookie(session)
                .header("Origin", ApiServer.ORIGIN).send();
        assertThat(loggedOut.statusCode()).isEqualTo(303);
        assertThat(loggedOut.headers().firstValue("Location")).contains("/login");
        assertThat(loggedOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
        assertThat(api.call("GET", "/").cookie(session).send().statusCode()).isEqualTo(303);
    }

    @Test
    void before_the_first_admin_exists_the_page_says_how_to_create_one() throws Exception {
        api = ApiServer.start();

        HttpResponse<String> page = api.call("GET", "/login").send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("no users yet", "POST /api/v1/users").doesNotContain("<form");
        assertThat(api.call("GET", "/").send().headers().firstValue("Location")).contains("/login");
    }

    @Test
    void the_password_never_reaches_the_log() throws Exception {
        start();
        try (CapturedLog log = new CapturedLog()) {
            logIn(alice.email(), "a wrong secret", "/", ApiServer.ORIGIN);
            String session = session(logIn(alice.email(), World.PASSWORD, "/", ApiServer.ORIGIN));
            api.call("POST", "/login").header("Origin", ApiServer.ORIGIN).form("email=x&email=y").send();

            for (String line : log.lines()) {
                assertThat(line).doesNotContain(World.PASSWORD, "a wrong secret", session);
            }
        }
    }

    private HttpResponse<String> logIn(String email, String password, String redirect, String origin)
            throws Exception {
        ApiServer.Call call = api.call("POST", "/login").header("User-Agent", "test browser")
                .form("email=" + URLEncoder.encode(email, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8)
                        + "&redirect=" + URLEncoder.encode(redirect, UTF_8));
        if (!origin.isEmpty()) {
            call.header("Origin", origin);
        }
        return call.send();
    }

    static String session(HttpResponse<?> loggedIn) {
        Matcher matcher = SESSION.matcher(loggedIn.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static void assertIsPage(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'",
                "style-src 'sha256-").doesNotContain("script-src", "unsafe-inline");
    }
}
