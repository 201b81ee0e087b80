package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates over the API: the original's shapes, group restrictions, the 10 MB job, the Manual template. */
class TemplateRoutesTest {
    private static final String TEMPLATES = "/api/v1/templates";

    private ApiServer api;
    private User admin;
    private User manager;
    private String managerToken;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        admin = api.world.admin();
        manager = api.world.user(admin, "manager", Role.TEMPLATE_MANAGER);
        managerToken = api.world.token(manager);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_template_is_created_listed_read_changed_and_deleted() throws Exception {
        HttpResponse<String> created = api.call("POST", TEMPLATES).bearer(managerToken)
                .json(template("web", "job \\\"web\\\" {}", "[]")).send();
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"template_id\":\"([^\"]+)\".*", "$1");
        assertThat(created.body()).isEqualTo("{\"status\":true,\"template_id\":\"" + id + "\"}");

        HttpResponse<String> list = api.call("GET", TEMPLATES).bearer(managerToken).send();
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).startsWith("{\"count\":2,\"templates\":[").contains("{\"template_id\":\"" + id
                + "\",\"name\":\"web\",\"description\":\"A web server\",\"usage\":0,\"deployed\":0,\"groups\":[]}");

        Template stored = api.world.templates.findById(Id.of(id)).orElseThrow();
        HttpResponse<String> read = api.call("GET", TEMPLATES + "/" + id).bearer(managerToken).send();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"name\":\"web\",\"job\":\"job \\\"web\\\" {}\",\"description\":"
                + "\"A web server\",\"volumes\":\"volumes: []\",\"usage\":0,\"hash\":\"" + stored.hash()
                + "\",\"deployed\":0,\"groups\":[],\"volume_sizes\":[]}");

        HttpResponse<String> changed = api.call("PUT", TEMPLATES + "/" + id).bearer(managerToken)
                .json("{\"description\":\"Changed\"}").send();
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"status\":true}");
        Template after = api.world.templates.findById(stored.id()).orElseThrow();
        assertThat(after.description()).isEqualTo("Changed");
        assertThat(after.job()).as("a field left out is kept").isEqualTo(stored.job());
        assertThat(after.volumes()).isEqualTo(stored.volumes());

        HttpResponse<String> deleted = api.call("DELETE", TEMPLATES + "/" + id).bearer(managerToken).send();
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(api.call("GET", TEMPLATES + "/" + id).bearer(managerToken).send().statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", TEMPLATES + "/" + id).bearer(managerToken).send().statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_template_with_groups_is_listed_only_to_members_and_template_managers() throws Exception {
        Group developers = api.world.groupService.createGroup(admin, "developers");
        Template restricted = api.world.templateService.createTemplate(admin,
                new TemplateCommand("restricted", "", "job", "", Set.of(developers.id())));
        Template open = api.world.templateService.createTemplate(admin,
                new TemplateCommand("open", "", "job", "", Set.of()));
        User member = api.world.userService.createUser(admin, new CreateUserCommand("member",
                World.email("member"), World.PASSWORD, "", Set.of(), Set.of(developers.id()), true, 0, 0, "", "",
                Shell.BASH, "UTC"));
        User outsider = api.world.user(admin, "outsider");

        String asOutsider = api.call("GET", TEMPLATES).bearer(api.world.token(outsider)).send().body();
        String asMember = api.call("GET", TEMPLATES).bearer(api.world.token(member)).send().body();
        String asManager = api.call("GET", TEMPLATES).bearer(managerToken).send().body();

        assertThat(asOutsider).startsWith("{\"count\":2,").contains(open.id().value(), Template.MANUAL_ID.value())
                .doesNotContain(restricted.id().value(), "restricted");
        assertThat(asMember).startsWith("{\"count\":3,").contains(restricted.id().value())
                .contains("\"groups\":[\"" + developers.id() + "\"]");
        assertThat(asManager).startsWith("{\"count\":3,").contains(restricted.id().value());
    }

    @Test
    void a_10_mb_job_is_accepted_and_an_11_mb_one_is_refused_with_413() throws Exception {
        String largest = "j".repeat(Template.MAXIMUM_TEXT_LENGTH);
        String tooLarge = "j".repeat(11 * 1024 * 1024);

        HttpResponse<String> accepted = api.call("POST", TEMPLATES).bearer(managerToken)
                .json(template("large", largest, "[]")).send();
        Optional<HttpResponse<String>> refused = api.call("POST", TEMPLATES).bearer(managerToken)
                .json(template("larger", tooLarge, "[]")).sendOversized();
        String id = accepted.body().replaceAll(".*\"template_id\":\"([^\"]+)\".*", "$1");
        Optional<HttpResponse<String>> update = api.call("PUT", TEMPLATES + "/" + id).bearer(managerToken)
                .json("{\"job\":\"" + tooLarge + "\"}").sendOversized();

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(api.world.templates.findById(Id.of(id)).orElseThrow().job())
                .hasSize(Template.MAXIMUM_TEXT_LENGTH);
        refused.ifPresent(refusal -> assertThat(refusal.body()).contains("PAYLOAD_TOO_LARGE"));
        refused.ifPresent(refusal -> assertThat(refusal.statusCode()).isEqualTo(413));
        update.ifPresent(refusal -> assertThat(refusal.statusCode()).isEqualTo(413));
        assertThat(api.world.templates.findAll()).extracting(Template::name)
                .containsExactlyInAnyOrder("Manual-Configuration", "large");
    }

    @Test
    void the_manual_template_cannot_be_deleted_or_changed() throws Exception {
        String manual = TEMPLATES + "/" + Template.MANUAL_ID;

        HttpResponse<String> delete = api.call("DELETE", manual).bearer(managerToken).send();
        HttpResponse<String> update = api.call("PUT", manual).bearer(managerToken).json("{\"job\":\"other\"}").send();

        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(delete.body()).contains("Manual template cannot be deleted");
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(api.world.templates.findById(Template.MANUAL_ID).orElseThrow().job()).isEqualTo("manual");
    }

    @Test
    void a_template_in_use_by_a_space_is_locked() throws Exception {
        Template used = api.world.templateService.createTemplate(admin,
                new TemplateCommand("used", "", "job", "", Set.of()));
        api.world.spaces.create(SpaceFixtures.aStoppedSpace().withOwner(admin.id()).withTemplate(used.id()).build());

        HttpResponse<String> response = api.call("DELETE", TEMPLATES + "/" + used.id()).bearer(managerToken).send();

        assertThat(response.statusCode()).isEqualTo(423);
        assertThat(response.body()).contains("Template is in use by spaces");
        assertThat(api.world.templates.findById(used.id())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"job\":\"job\"}|name",
        "{\"name\":\"web\"}|job",
        "{\"name\":\"\",\"job\":\"job\"}|name",
        "{\"name\":\"web\",\"job\":\"\"}|job",
        "{\"name\":\"web\",\"job\":\"job\",\"groups\":[\"developers\"]}|groups[0]",
        "{\"name\":\"web\",\"job\":\"job\",\"groups\":[\"00000000-0000-7000-8000-0000000000ff\"]}|groups",
        "{\"name\":\"web\",\"job\":\"job\",\"hash\":\"0\"}|hash",
        "{\"name\":\"web\",\"job\":[\"job\"]}|job",
        "{\"name\":\"web\",\"job\":\"job\",\"volumes\":null,\"description\":[]}|description"
    })
    void an_invalid_template_is_a_400_naming_the_field_and_nothing_is_written(String bodyAndField) throws Exception {
        String[] parts = bodyAndField.split("\\|");

        HttpResponse<String> response = api.call("POST", TEMPLATES).bearer(managerToken).json(parts[0]).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(parts[1]);
        assertThat(api.world.templates.findAll()).hasSize(1);
    }

    @Test
    void a_body_that_is_not_json_is_a_415() throws Exception {
        HttpResponse<String> response = api.call("POST", TEMPLATES).bearer(managerToken)
                .header("Content-Type", "text/plain").send();

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-7000-8000-00000000000A", "%2e%2e"})
    void a_malformed_id_is_a_404(String id) throws Exception {
        HttpResponse<String> get = api.call("GET", TEMPLATES + "/" + id).bearer(managerToken).send();
        HttpResponse<String> delete = api.call("DELETE", TEMPLATES + "/" + id).bearer(managerToken).send();

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(delete.statusCode()).isEqualTo(404);
    }

    @Test
    void listing_for_a_named_user_needs_manage_spaces_and_only_the_callers_own_id_is_supported() throws Exception {
        User plain = api.world.user(admin, "plain");
        User spaceManager = api.world.user(admin, "spacemanager", Role.SPACE_MANAGER);
        String spaceManagerToken = api.world.token(spaceManager);

        HttpResponse<String> plainForSelf = api.call("GET", TEMPLATES + "?user_id=" + plain.id())
                .bearer(api.world.token(plain)).send();
        HttpResponse<String> managerForSelf = api.call("GET", TEMPLATES + "?user_id=" + spaceManager.id())
                .bearer(spaceManagerToken).send();
        HttpResponse<String> managerForOther = api.call("GET", TEMPLATES + "?user_id=" + plain.id())
                .bearer(spaceManagerToken).send();

        assertThat(plainForSelf.statusCode()).isEqualTo(403);
        assertThat(plainForSelf.body()).contains("No permission to manage spaces");
        assertThat(managerForSelf.statusCode()).isEqualTo(200);
        assertThat(managerForOther.statusCode()).isEqualTo(400);
        assertThat(managerForOther.body()).contains("user_id");
    }

    /** A POST body; {@code job} is put into the JSON as given, so it must already be escaped. */
    private static String template(String name, String job, String groups) {
        return "{\"name\":\"" + name + "\",\"job\":\"" + job + "\",\"description\":\"A web server\","
                + "\"volumes\":\"volumes: []\",\"groups\":" + groups + "}";
    }
}
