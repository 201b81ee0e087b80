package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spaces and volumes over the API: the original's shapes and the statuses of the lifecycle and its failures. */
class SpaceRoutesTest {
    private static final String SPACES = "/api/v1/spaces";
    private static final String JOB = "job \"dev\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
            + "    }\n  }\n}\n";
    private static final String VOLUMES = "volumes:\n  - id: \"${{.space.id}}-home\"\n    plugin_id: hostpath\n"
            + "    capacity_min: 3G\n";

    private ApiServer api;
    private User alice;
    private String aliceToken;
    private Template template;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        User admin = api.world.admin();
        alice = api.world.user(admin, "alice");
        aliceToken = api.world.token(alice);
        template = api.world.templateService.createTemplate(admin,
                new TemplateCommand("dev", "", JOB, VOLUMES, Set.of()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_space_is_created_listed_started_stopped_and_deleted() throws Exception {
        HttpResponse<String> created = api.call("POST", SPACES).bearer(aliceToken)
                .json("{\"name\":\"dev\",\"template_id\":\"" + template.id() + "\",\"shell\":\"zsh\","
                        + "\"alt_names\":[\"other\"],\"location\":\"ignored\"}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"space_id\":\"([^\"]+)\".*", "$1");

        assertThat(api.call("GET", SPACES).bearer(aliceToken).send().body()).isEqualTo("{\"count\":1,\"spaces\":["
                + "{\"space_id\":\"" + id + "\",\"name\":\"dev\",\"template_name\":\"dev\",\"template_id\":\""
                + template.id() + "\",\"location\":\"\",\"username\":\"alice\",\"user_id\":\"" + alice.id()
                + "\",\"volume_size\":3,\"state\":\"stopped\"}]}");

        assertThat(api.call("POST", SPACES + "/" + id + "/start").bearer(aliceToken).send().statusCode())
                .isEqualTo(200);
        assertThat(api.call("POST", SPACES + "/" + id + "/start").bearer(aliceToken).send().statusCode())
                .as("a second start").isEqualTo(423);
        HttpResponse<String> read = api.call("GET", SPACES + "/" + id).bearer(aliceToken).send();
        assertThat(read.body()).isEqualTo("{\"user_id\":\"" + alice.id() + "\",\"template_id\":\"" + template.id()
                + "\",\"name\":\"dev\",\"agent_url\":\"\",\"shell\":\"zsh\",\"location\":\"core\","
                + "\"alt_names\":[\"other\"],\"is_deployed\":false,\"is_pending\":true,\"is_deleting\":false,"
                + "\"volume_sizes\":{},\"volume_data\":{\"" + id + "-home\":{\"id\":\"" + id
                + "-home\",\"namespace\":\"default\"}},\"state\":\"starting\",\"state_message\":\"\"}");

        api.world.jobs.runAll();
        api.world.spaceService.reconcile();
        HttpResponse<String> state = api.call("GET", SPACES + "/" + id + "/service-state").bearer(aliceToken).send();
        assertThat(state.body()).contains("\"is_deployed\":true,\"is_pending\":false", "\"state\":\"running\"");

        assertThat(api.call("DELETE", SPACES + "/" + id).bearer(aliceToken).send().statusCode()).isEqualTo(423);
        assertThat(api.call("POST", SPACES + "/" + id + "/stop").bearer(aliceToken).send().statusCode())
                .isEqualTo(200);
        api.world.spaceService.reconcile();
        assertThat(api.call("DELETE", SPACES + "/" + id).bearer(aliceToken).send().statusCode()).isEqualTo(200);
        assertThat(api.call("GET", SPACES + "/" + id).bearer(aliceToken).send().statusCode()).isEqualTo(404);
        assertThat(api.world.volumeScheduler.volumes()).isEmpty();
    }

    @Test
    void an_unavailable_scheduler_is_a_503_and_the_space_says_it_failed() throws Exception {
        String id = createSpace("dev");
        api.world.jobs.faults().failNext(Operation.SUBMIT, ErrorCode.SCHEDULER_UNAVAILABLE);

        HttpResponse<String> started = api.call("POST", SPACES + "/" + id + "/start").bearer(aliceToken).send();

        assertThat(started.statusCode()).isEqualTo(503);
        assertThat(api.call("GET", SPACES + "/" + id).bearer(aliceToken).send().body())
                .contains("\"is_deployed\":false,\"is_pending\":false", "\"state\":\"failed\"",
                        "injected fault in SUBMIT");
    }

    @Test
    void the_disk_quota_is_a_507() throws Exception {
        api.world.users.update(withDiskQuota(alice, 5));
        createSpace("first");

        HttpResponse<String> second = api.call("POST", SPACES).bearer(aliceToken)
                .json("{\"name\":\"second\",\"template_id\":\"" + template.id() + "\"}").send();

        assertThat(second.statusCode()).isEqualTo(507);
        assertThat(second.body()).contains("QUOTA_EXCEEDED");
    }

    @Test
    void a_volume_is_created_started_stopped_and_deleted() throws Exception {
        String volumeManagerToken = api.world.token(api.world.user(api.world.users.findByUsername("admin")
                .orElseThrow(), "keeper", Role.VOLUME_MANAGER));
        HttpResponse<String> created = api.call("POST", "/api/v1/volumes").bearer(volumeManagerToken)
                .json("{\"name\":\"shared\",\"definition\":\"volumes:\\n  - id: shared\\n    plugin_id: nfs\\n\"}")
                .send();
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"volume_id\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> started = api.call("POST", "/api/v1/volumes/" + id + "/start")
                .bearer(volumeManagerToken).send();
        assertThat(started.body()).isEqualTo("{\"status\":true,\"location\":\"core\"}");
        assertThat(api.world.volumeScheduler.volume("default", "shared")).isPresent();
        assertThat(api.call("DELETE", "/api/v1/volumes/" + id).bearer(volumeManagerToken).send().statusCode())
                .isEqualTo(400);
        assertThat(api.call("GET", "/api/v1/volumes").bearer(volumeManagerToken).send().body())
                .isEqualTo("{\"count\":1,\"volumes\":[{\"volume_id\":\"" + id
                        + "\",\"name\":\"shared\",\"active\":true,\"location\":\"core\"}]}");

        assertThat(api.call("POST", "/api/v1/volumes/" + id + "/stop").bearer(volumeManagerToken).send()
                .statusCode()).isEqualTo(200);
        assertThat(api.call("POST", "/api/v1/volumes/" + id + "/stop").bearer(volumeManagerToken).send()
                .statusCode()).isEqualTo(423);
        assertThat(api.call("DELETE", "/api/v1/volumes/" + id).bearer(volumeManagerToken).send().statusCode())
                .isEqualTo(200);
        assertThat(api.world.volumeScheduler.volumes()).isEmpty();
    }

    private String createSpace(String name) throws Exception {
        HttpResponse<String> created = api.call("POST", SPACES).bearer(aliceToken)
                .json("{\"name\":\"" + name + "\",\"template_id\":\"" + template.id() + "\"}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        return created.body().replaceAll(".*\"space_id\":\"([^\"]+)\".*", "$1");
    }

    private static User withDiskQuota(User user, int gigabytes) {
        return new User(user.id(), user.username(), user.email(), user.passwordHash(), user.servicePassword(),
                user.sshPublicKey(), user.githubUsername(), user.roles(), user.groups(), user.active(),
                user.maxSpaces(), gigabytes, user.preferredShell(), user.timezone(), user.lastLoginAt(),
                user.createdAt(), user.updatedAt());
    }
}
