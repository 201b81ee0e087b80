package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Users over the API: the original's shapes, validation, and the escalation holes closed (cases 8 and 10). */
class UserRoutesTest {
    private ApiServer api;
    private User admin;
    private User manager;
    private User alice;
    private String adminToken;
    private String managerToken;
    private String aliceToken;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        admin = api.world.admin();
        manager = api.world.user(admin, "manager", Role.USER_MANAGER);
        alice = api.world.user(admin, "alice");
        adminToken = api.world.token(admin);
        managerToken = api.world.token(manager);
        aliceToken = api.world.token(alice);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void whoami_answers_the_originals_user_response_with_the_service_password_in_clear() throws Exception {
        String servicePassword = api.world.userService.revealServicePassword(alice, alice.id());

        HttpResponse<String> response = api.call("GET", "/api/v1/users/whoami").bearer(aliceToken).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"user_id\":\"" + alice.id() + "\",\"username\":\"alice\",\"email\":\"alice@example.com\","
                        + "\"service_password\":\"" + servicePassword + "\",\"roles\":[],\"groups\":[],\"active\":true,"
                        + "\"max_spaces\":0,\"max_disk_space\":0,\"ssh_public_key\":\"\",\"github_username\":\"\","
                        + "\"preferred_shell\":\"bash\",\"timezone\":\"UTC\",\"current\":true,\"last_login_at\":null,"
                        + "\"created_at\":\"")
                .contains("\"updated_at\":\"")
                .doesNotContain("password_hash");
    }

    @Test
    void the_list_filters_by_state_and_marks_the_caller() throws Exception {
        HttpResponse<String> all = api.call("GET", "/api/v1/users?state=all").bearer(managerToken).send();
        HttpResponse<String> inactive = api.call("GET", "/api/v1/users?state=inactive").bearer(managerToken).send();
        HttpResponse<String> invalid = api.call("GET", "/api/v1/users?state=sleeping").bearer(managerToken).send();

        assertThat(all.body()).startsWith("{\"count\":3,\"users\":[").contains("\"roles\":[\"" + Role.ADMIN.id() + "\"]")
                .contains("\"username\":\"manager\"").doesNotContain("service_password");
        assertThat(inactive.body()).isEqualTo("{\"count\":0,\"users\":[]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("state");
    }

    @Test
    void a_manager_creates_a_user_with_roles_and_groups_by_id() throws Exception {
        String group = api.world.groupService.createGroup(admin, "devs").id().value();

        HttpResponse<String> created = api.call("POST", "/api/v1/users").bearer(managerToken)
                .json(newUser("bob", "[\"" + Role.TEMPLATE_MANAGER.id() + "\"]", "[\"" + group + "\"]")).send();

        assertThat(created.statusCode()).isEqualTo(201);
        User bob = api.world.users.findByEmail("bob@example.com").orElseThrow();
        assertThat(bob.roles()).containsExactly(Role.TEMPLATE_MANAGER);
        assertThat(bob.groups()).extracting(Object::toString).containsExactly(group);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"csh\",\"timezone\":\"UTC\"}|preferred_shell",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"Mars/Base\"}|timezone",
        "{\"username\":\"b\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}|username",
        "{\"username\":\"bob\",\"email\":\"not-an-email\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}|email",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"short\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}|password",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\",\"max_spaces\":1001}|max_spaces",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\",\"roles\":[\"nope\"]}|roles",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\",\"groups\":[\"00000000-0000-7000-8000-0000000000ff\"]}|group",
        "{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\",\"is_admin\":true}|is_admin",
        "{\"username\":\"alice\",\"email\":\"bob@example.com\",\"password\":\"long enough\",\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}|user name"
    })
    void an_invalid_user_is_a_400_naming_the_field_and_nothing_is_written(String bodyAndField) throws Exception {
        String[] parts = bodyAndField.split("\\|");

        HttpResponse<String> response = api.call("POST", "/api/v1/users").bearer(managerToken).json(parts[0]).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(parts[1]).doesNotContain("long enough");
        assertThat(api.world.users.findAll()).hasSize(3);
    }

    @Test
    void a_body_that_is_not_json_is_a_415() throws Exception {
        HttpResponse<String> response = api.call("POST", "/api/v1/users").bearer(managerToken)
                .header("Content-Type", "text/plain").send();

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-7000-8000-00000000000A", "%2e%2e", "0000000000007000800000000000000a"})
    void a_malformed_id_is_a_404(String id) throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/users/" + id).bearer(adminToken).send();

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void a_user_manager_cannot_make_anyone_an_admin_or_touch_an_admin() throws Exception {
        HttpResponse<String> grant = api.call("POST", "/api/v1/users").bearer(managerToken)
                .json(newUser("mallory", "[\"" + Role.ADMIN.id() + "\"]", "[]")).send();
        HttpResponse<String> self = api.call("PUT", "/api/v1/users/" + manager.id()).bearer(managerToken)
                .json(update(manager.email(), "[\"" + Role.ADMIN.id() + "\"]", true)).send();
        HttpResponse<String> takeOver = api.call("PUT", "/api/v1/users/" + admin.id()).bearer(managerToken)
                .json(update("mallory@example.com", "[\"" + Role.ADMIN.id() + "\"]", true)).send();

        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(self.statusCode()).isIn(400, 403);
        assertThat(takeOver.statusCode()).isEqualTo(403);
        assertThat(api.world.users.findById(manager.id()).orElseThrow().roles()).containsExactly(Role.USER_MANAGER);
        assertThat(api.world.users.findById(admin.id()).orElseThrow().email()).isEqualTo(admin.email());
    }

    @Test
    void a_plain_user_cannot_raise_their_own_roles_or_quotas() throws Exception {
        HttpResponse<String> response = api.call("PUT", "/api/v1/users/" + alice.id()).bearer(aliceToken)
                .json(update("alice@example.com", "[\"" + Role.ADMIN.id() + "\"]", true)).send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.world.users.findById(alice.id()).orElseThrow().roles()).isEmpty();
    }

    @Test
    void nobody_deletes_or_deactivates_themself() throws Exception {
        HttpResponse<String> delete = api.call("DELETE", "/api/v1/users/" + admin.id()).bearer(adminToken).send();
        HttpResponse<String> deactivate = api.call("PUT", "/api/v1/users/" + admin.id()).bearer(adminToken)
                .json(update(admin.email(), "[\"" + Role.ADMIN.id() + "\"]", false)).send();

        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("Cannot delete self");
        assertThat(deactivate.statusCode()).isEqualTo(400);
        assertThat(deactivate.body()).contains("active");
        assertThat(api.world.users.findById(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void another_users_record_is_refused_to_a_plain_user_and_unchanged() throws Exception {
        HttpResponse<String> read = api.call("GET", "/api/v1/users/" + manager.id()).bearer(aliceToken).send();
        HttpResponse<String> write = api.call("PUT", "/api/v1/users/" + manager.id()).bearer(aliceToken)
                .json(update("alice2@example.com", "[]", true)).send();

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("manager@example.com");
        assertThat(api.world.users.findById(manager.id()).orElseThrow().email()).isEqualTo(manager.email());
    }

    @Test
    void a_password_change_takes_effect_and_an_empty_one_keeps_the_old() throws Exception {
        api.call("PUT", "/api/v1/users/" + alice.id()).bearer(aliceToken)
                .json("{\"email\":\"alice@example.com\",\"password\":\"a brand new one\",\"active\":true,"
                        + "\"preferred_shell\":\"fish\",\"timezone\":\"UTC\"}").send();
        api.call("PUT", "/api/v1/users/" + alice.id()).bearer(aliceToken)
                .json(update("alice@example.com", "[]", true)).send();

        HttpResponse<String> login = api.call("POST", "/api/v1/auth")
                .json("{\"email\":\"alice@example.com\",\"password\":\"a brand new one\"}").send();
        assertThat(login.statusCode()).isEqualTo(200);
    }

    private static String newUser(String username, String roles, String groups) {
        return String.format("{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"long enough\","
                + "\"roles\":%s,\"groups\":%s,\"active\":true,\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}",
                username, username, roles, groups);
    }

    private static String update(String email, String roles, boolean active) {
        return String.format("{\"username\":\"ignored\",\"email\":\"%s\",\"roles\":%s,\"active\":%s,"
                + "\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}", email, roles, active);
    }
}
