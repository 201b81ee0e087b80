package dev.knot.adapter.http;

import static dev.knot.adapter.http.LoginPagesTest.assertIsPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page knot connect --use-web-auth opens: it asks on GET, creates on a same-origin POST, shows the token once. */
class TokenPagesTest {
    private static final String PAGE = "/api-tokens/create/knot%20client%20laptop";
    private static final Pattern SHOWN_TOKEN = Pattern.compile("<code>([^<]+)</code>");

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

    @Test
    void a_browser_that_is_not_logged_in_is_sent_to_log_in_and_back() throws Exception {
        String apiToken = api.world.token(alice);
        for (String cookie : new String[] {null, "knot_session_expired", apiToken}) {
            ApiServer.Call call = api.call("GET", PAGE);
            if (cookie != null) {
                call.cookie(cookie);
            }

            HttpResponse<String> redirected = call.send();

            assertThat(redirected.statusCode()).isEqualTo(303);
            assertThat(redirected.headers().firstValue("Location"))
                    .contains("/login?redirect=%2Fapi-tokens%2Fcreate%2Fknot%2520client%2520laptop");
        }
        assertThat(tokens()).isEqualTo(1);
    }

    @Test
    void the_get_only_asks_and_creates_nothing() throws Exception {
        HttpResponse<String> page = api.call("GET", PAGE).cookie(session).send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertIsPage(page);
        assertThat(page.body()).contains("<h1>Create API token knot client laptop</h1>", "<form method=\"post\">");
        assertThat(tokens()).isZero();
    }

    @Test
    void the_post_creates_exactly_one_token_that_works_as_a_bearer() throws Exception {
        HttpResponse<String> created = api.call("POST", PAGE).cookie(session).header("Origin", ApiServer.ORIGIN)
                .send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertIsPage(created);
        assertThat(created.body()).contains("Enter token:");
        assertThat(api.world.tokens.findByUser(alice.id())).singleElement().extracting(Token::name)
                .isEqualTo("knot client laptop");
        Matcher shown = SHOWN_TOKEN.matcher(created.body());
        assertThat(shown.find()).isTrue();
        HttpResponse<String> whoami = api.call("GET", "/api/v1/users/whoami").bearer(shown.group(1)).send();
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"username\":\"alice\"");
    }

    @Test
    void a_post_from_another_origin_or_stating_none_creates_nothing() throws Exception {
        HttpResponse<String> foreign = api.call("POST", PAGE).cookie(session)
                .header("Origin", "https://alice--dev--8080.knot.example.com").send();
        HttpResponse<String> unstated = api.call("POST", PAGE).cookie(session).send();

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(unstated.statusCode()).isEqualTo(403);
        // A person reads these: the refusal is a page with the reason, not the API's JSON.
        for (HttpResponse<String> refused : List.of(foreign, unstated)) {
            assertIsPage(refused);
            assertThat(refused.body()).contains("<title>Forbidden - knot</title>", "class=\"message\"")
                    .doesNotContain("\"error\"");
        }
        assertThat(tokens()).isZero();
    }

    @Test
    void a_script_with_a_bearer_still_gets_the_apis_json_when_refused() throws Exception {
        HttpResponse<String> refused = api.call("GET", PAGE).header("Authorization", "Bearer not-a-token").send();

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(refused.body()).contains("\"error\"");
    }

    @Test
    void a_post_without_a_session_is_sent_to_log_in() throws Exception {
        HttpResponse<String> redirected = api.call("POST", PAGE).header("Origin", ApiServer.ORIGIN).send();

        assertThat(redirected.statusCode()).isEqualTo(303);
        assertThat(redirected.headers().firstValue("Location")).contains("/login");
        assertThat(tokens()).isZero();
    }

    @Test
    void the_name_is_escaped_wherever_it_is_shown() throws Exception {
        String page = "/api-tokens/create/%3Cscript%3Ealert(%22x%22)%3Cb%20a='b'%3E";
        String name = "<script>alert(\"x\")<b a='b'>";

        HttpResponse<String> asked = api.call("GET", page).cookie(session).send();
        HttpResponse<String> created = api.call("POST", page).cookie(session).header("Origin", ApiServer.ORIGIN).send();

        for (HttpResponse<String> response : List.of(asked, created)) {
            assertThat(response.body()).doesNotContain("<script>", "<b ")
                    .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;b a=&#39;b&#39;&gt;");
        }
        assertThat(api.world.tokens.findByUser(alice.id())).singleElement().extracting(Token::name).isEqualTo(name);
    }

    @Test
    void an_invalid_name_gets_a_400_page_with_the_reason() throws Exception {
        HttpResponse<String> refused = api.call("POST", "/api-tokens/create/" + "n".repeat(256)).cookie(session)
                .header("Origin", ApiServer.ORIGIN).send();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertIsPage(refused);
        assertThat(refused.body()).contains("name: must be 1 to 255 characters long, got 256");
        assertThat(tokens()).isZero();
    }

    private int tokens() {
        return api.world.tokens.findByUser(alice.id()).size();
    }
}
