package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions, API tokens, groups and roles over the API (cases 6 and 10). */
class CredentialRoutesTest {
    private ApiServer api;
    private User admin;
    private User alice;
    private User bob;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        admin = api.world.admin();
        alice = api.world.user(admin, "alice");
        bob = api.world.user(admin, "bob");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_token_secret_is_shown_once_and_then_only_its_suffix() throws Exception {
        String bearer = api.world.token(alice);

        HttpResponse<String> created = api.call("POST", "/api/v1/tokens").bearer(bearer).json("{\"name\":\"laptop\"}").send();
        HttpResponse<String> listed = api.call("GET", "/api/v1/tokens").bearer(bearer).send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).matches("\\{\"status\":true,\"token_id\":\"[0-9a-f-]{36}\",\"token\":\"knot_t_[^\"]+\"}");
        String secret = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(listed.body()).contains("\"name\":\"laptop\"", "\"suffix\":\"" + secret.substring(secret.length() - 4) + "\"")
                .doesNotContain(secret).doesNotContain(bearer);
        assertThat(api.call("GET", "/api/v1/ping").bearer(secret).send().statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_needs_a_name() throws Exception {
        HttpResponse<String> missing = api.call("POST", "/api/v1/tokens").bearer(api.world.token(alice)).json("{}").send();
        HttpResponse<String> tooLong = api.call("POST", "/api/v1/tokens").bearer(api.world.token(alice))
                .json("{\"name\":\"" + "x".repeat(256) + "\"}").send();

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("name");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("name");
    }

    @Test
    void sessions_list_with_a_bearer_token_where_the_original_panicked() throws Exception {
        login(alice);
        login(alice);

        HttpResponse<String> response = api.call("GET", "/api/v1/sessions").bearer(api.world.token(alice)).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[{\"session_id\":\"").contains("\"ip\":\"192.0.2.7\"",
                "\"user_agent\":\"curl/8\"", "\"expires_at\":\"").doesNotContain("\"current\":true")
                .doesNotContain("knot_s_");
    }

    @Test
    void another_users_session_or_token_is_not_found_and_survives() throws Exception {
        String bobsSession = login(bob);
        String bobsToken = api.world.authService.createToken(bob, "cli").record().id().value();
        String alicesBearer = api.world.token(alice);

        HttpResponse<String> session = api.call("DELETE", "/api/v1/sessions/" + bobsSession).bearer(alicesBearer).send();
        HttpResponse<String> token = api.call("DELETE", "/api/v1/tokens/" + bobsToken).bearer(alicesBearer).send();

        assertThat(session.statusCode()).isEqualTo(404);
        assertThat(token.statusCode()).isEqualTo(404);
        assertThat(api.world.sessions.findByUser(bob.id())).hasSize(1);
        assertThat(api.world.tokens.findByUser(bob.id())).hasSize(1);
    }

    @Test
    void deleting_an_own_session_ends_it() throws Exception {
        String sessionId = login(alice);

        HttpResponse<String> response =
                api.call("DELETE", "/api/v1/sessions/" + sessionId).bearer(api.world.token(alice)).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.world.sessions.findByUser(alice.id())).isEmpty();
    }

    @Test
    void roles_are_listed_with_the_originals_ids_and_names() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/roles").bearer(api.world.token(alice)).send();

        assertThat(response.body()).startsWith("[{\"id_role\":\"" + Role.ADMIN.id() + "\",\"role_name\":\"Admin\"},")
                .contains("{\"id_role\":\"00000000-0000-0000-0000-000000000004\",\"role_name\":\"Volume Manager\"}");
    }

    @Test
    void groups_have_the_originals_shapes() throws Exception {
        String adminToken = api.world.token(admin);

        HttpResponse<String> created = api.call("POST", "/api/v1/groups").bearer(adminToken).json("{\"name\":\"devs\"}").send();
        String groupId = created.body().replaceAll(".*\"group_id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> renamed = api.call("PUT", "/api/v1/groups/" + groupId).bearer(adminToken)
                .json("{\"name\":\"developers\"}").send();
        HttpResponse<String> listed = api.call("GET", "/api/v1/groups").bearer(api.world.token(alice)).send();
        HttpResponse<String> invalid = api.call("POST", "/api/v1/groups").bearer(adminToken)
                .json("{\"name\":\"" + "g".repeat(65) + "\"}").send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(renamed.body()).isEqualTo("{\"status\":true}");
        assertThat(listed.body()).isEqualTo("{\"count\":1,\"groups\":[{\"group_id\":\"" + groupId
                + "\",\"name\":\"developers\"}]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("name");
        assertThat(api.world.groups.findAll()).hasSize(1);
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read_and_the_connection_closed() throws Exception {
        try (RawHttp raw = new RawHttp(api.server.address())) {
            raw.send("POST /api/v1/tokens HTTP/1.1\r\nHost: knot.example.com\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + api.world.token(alice) + "\r\nContent-Length: " + 10 * 1024 * 1024
                    + "\r\n\r\n{\"name\":\"");

            RawHttp.Reply reply = raw.readUntilClosed();

            // Over every route's limit Undertow refuses it (400) before routing; under it, the route says 413.
            assertThat(reply.statusLine()).matches("HTTP/1.1 (400|413) .*");
        }
        assertThat(api.world.tokens.findByUser(alice.id())).hasSize(1);
    }

    private String login(User user) {
        return api.world.authService.login(new LoginCommand(user.email(), World.PASSWORD, "192.0.2.7", "curl/8"))
                .record().id().value();
    }
}
