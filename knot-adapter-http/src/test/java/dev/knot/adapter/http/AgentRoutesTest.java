package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent routes over a real listener: registration of started spaces with their registration key, state reports
 * that reach the service state, the refusals of bad input, and tokens that open their own space's report route and
 * nothing else.
 */
class AgentRoutesTest {
    private static final String AGENTS = "/api/v1/agents/";
    private static final String JOB = "job \"dev\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n"
            + "    }\n  }\n}\n";
    private static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 alice@laptop";
    /** What the agent sends: the original's report, ports by number as text. */
    private static final String REPORT = "{\"agent_version\":\"0.1.0\",\"has_code_server\":true,\"ssh_port\":22,"
            + "\"vnc_http_port\":0,\"has_terminal\":true,\"tcp_ports\":{\"22\":\"SSH\",\"5432\":\"postgres\"},"
            + "\"http_ports\":{\"8080\":\"web\"}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiServer api;
    private User admin;
    private User alice;
    private String aliceToken;
    private Template template;
    private Space started;

    @BeforeEach
    void start() {
        api = ApiServer.start();
        admin = api.world.admin();
        alice = api.world.userService.createUser(admin, new CreateUserCommand("alice", World.email("alice"),
                World.PASSWORD, "", Set.of(), Set.of(), true, 0, 0, SSH_KEY, "octocat", Shell.BASH, "UTC"));
        aliceToken = api.world.token(alice);
        template = api.world.templateService.createTemplate(admin, new TemplateCommand("dev", "", JOB, "", Set.of()));
        started = startedSpace("dev");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_started_space_registers_and_gets_its_tokens_the_servers_url_and_the_owners_keys() throws Exception {
        HttpResponse<String> response = register(started.id().value(), registration(keyOf(started)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("status").asBoolean()).isTrue();
        assertThat(reply.path("access_token").asText()).startsWith("knot_a_");
        assertThat(reply.path("server_token").asText()).isNotEmpty().isNotEqualTo(reply.path("access_token").asText());
        assertThat(reply.path("server_url").asText()).isEqualTo(ApiServer.PUBLIC_URL.toString());
        assertThat(reply.path("ssh_key").asText()).isEqualTo(SSH_KEY);
        assertThat(reply.path("github_username").asText()).isEqualTo("octocat");
        assertThat(api.world.agentStates.find(started.id()).orElseThrow().address()).isEqualTo("10.0.0.7:3000");
    }

    @Test
    void a_report_is_stored_and_shows_in_the_service_state() throws Exception {
        String token = registeredToken(started);

        HttpResponse<String> reported = report(started, token, REPORT);

        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(reported.body()).isEqualTo("{\"status\":true}");
        JsonNode state = serviceState(started);
        assertThat(state.path("has_terminal").asBoolean()).isTrue();
        assertThat(state.path("has_code_server").asBoolean()).isTrue();
        assertThat(state.path("has_ssh").asBoolean()).isTrue();
        assertThat(state.path("has_http_vnc").asBoolean()).isFalse();
        assertThat(state.path("tcp_ports").toString()).isEqualTo("{\"22\":\"SSH\",\"5432\":\"postgres\"}");
        assertThat(state.path("http_ports").toString()).isEqualTo("{\"8080\":\"web\"}");
    }

    @Test
    void one_agents_reports_do_not_change_another_spaces_state() throws Exception {
        Space other = startedSpace("other");
        String token = registeredToken(started);
        String otherToken = registeredToken(other);

        report(started, token, REPORT);
        report(other, otherToken, "{\"agent_version\":\"0.1.0\",\"has_terminal\":false,"
                + "\"tcp_ports\":{},\"http_ports\":{\"3000\":\"docs\"}}");

        JsonNode first = serviceState(started);
        JsonNode second = serviceState(other);
        assertThat(first.path("has_terminal").asBoolean()).isTrue();
        assertThat(first.path("http_ports").toString()).isEqualTo("{\"8080\":\"web\"}");
        assertThat(second.path("has_terminal").asBoolean()).isFalse();
        assertThat(second.path("tcp_ports").size()).isZero();
        assertThat(second.path("http_ports").toString()).isEqualTo("{\"3000\":\"docs\"}");
    }

    @Test
    void registrations_for_spaces_that_do_not_exist_or_are_not_started_are_refused() throws Exception {
        Space stopped = api.world.spaceService.createSpace(alice, new SpaceCommand("stopped", template.id(), "",
                Shell.BASH, Optional.empty(), Map.of(), List.of()));

        String unknown = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        assertThat(register(unknown, registration(api.world.agentKeys.keyFor(Id.of(unknown)))).statusCode())
                .as("unknown space, with the key its id would have").isEqualTo(404);
        assertThat(register("not-a-uuid", registration(keyOf(started))).statusCode()).as("not an id")
                .isEqualTo(404);
        HttpResponse<String> notStarted = register(stopped.id().value(), registration(keyOf(stopped)));
        assertThat(notStarted.statusCode()).as("stopped space").isEqualTo(423);
        assertThat(notStarted.body()).contains("space is not started");
    }

    @Test
    void a_registration_without_the_spaces_key_is_a_401_and_leaves_the_registered_agent_alone() throws Exception {
        Space other = startedSpace("other");
        String id = started.id().value();
        String current = registeredToken(started);
        String key = keyOf(started);
        String unknown = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

        List<HttpResponse<String>> refused = List.of(
                register(id, "{\"address\":\"10.6.6.6:3000\",\"agent_version\":\"0.1.0\"}"),
                register(id, "{\"address\":\"10.6.6.6:3000\",\"registration_key\":null}"),
                register(id, registration("")),
                register(id, registration(keyOf(other))),
                register(id, registration(key.substring(0, key.length() - 1))),
                register(id, registration(key + "A")),
                register(id, registration(current)),
                register(unknown, registration(key)));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(
                    "{\"error\":\"agent registration key is not valid\",\"code\":\"UNAUTHENTICATED\"}");
        }
        assertThat(api.world.agentStates.find(started.id()).orElseThrow().address()).isEqualTo("10.0.0.7:3000");
        assertThat(report(started, current, REPORT).statusCode()).as("the registered agent still reports")
                .isEqualTo(200);
    }

    @Test
    void the_owner_reads_the_key_of_a_manual_space_and_a_hand_installed_agent_registers_with_it() throws Exception {
        api.world.templateService.ensureManualTemplate();
        Space manual = api.world.spaceService.createSpace(alice, new SpaceCommand("manual", Template.MANUAL_ID,
                "http://10.0.0.9:3000", Shell.BASH, Optional.empty(), Map.of(), List.of()));
        User bob = api.world.user(admin, "bob");
        String path = "/api/v1/spaces/" + manual.id() + "/agent-key";

        HttpResponse<String> read = api.call("GET", path).bearer(aliceToken).send();

        assertThat(read.statusCode()).isEqualTo(200);
        String key = JSON.readTree(read.body()).path("registration_key").asText();
        assertThat(key).startsWith("knot_ar_");
        assertThat(register(manual.id().value(), registration("")).statusCode()).as("no key").isEqualTo(401);
        assertThat(register(manual.id().value(), registration(key)).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", path).bearer(api.world.token(bob)).send().statusCode()).as("another user")
                .isEqualTo(404);
        assertThat(api.call("GET", path).send().statusCode()).as("no credential").isEqualTo(401);
    }

    @Test
    void a_registration_without_an_address_is_a_400_that_says_the_address_is_required() throws Exception {
        String id = started.id().value();
        HttpResponse<String> empty = api.call("POST", AGENTS + id).send();
        HttpResponse<String> goAgent = register(id, "null");
        HttpResponse<String> noAddress = register(id, "{\"agent_version\":\"0.9.6\"}");

        for (HttpResponse<String> response : List.of(empty, goAgent, noAddress)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("address: is required");
        }
        assertThat(api.world.agentStates.find(started.id())).isEmpty();
    }

    @Test
    void a_malformed_or_oversized_registration_is_refused() throws Exception {
        String id = started.id().value();

        assertThat(register(id, "{\"address\":").statusCode()).as("malformed JSON").isEqualTo(400);
        String key = keyOf(started);
        assertThat(register(id, "{\"address\":\"10.0.0.7:3000\",\"token\":\"x\"}").statusCode())
                .as("unknown field").isEqualTo(400);
        assertThat(register(id, "{\"address\":\"no port here\",\"registration_key\":\"" + key + "\"}")
                .statusCode()).as("bad address").isEqualTo(400);
        assertThat(register(id, "{\"address\":\"10.0.0.7:3000\",\"agent_version\":\"" + "9".repeat(33)
                + "\",\"registration_key\":\"" + key + "\"}").statusCode()).as("long version").isEqualTo(400);
        Optional<HttpResponse<String>> oversized = api.call("POST", AGENTS + id)
                .json("{\"address\":\"10.0.0.7:3000\",\"agent_version\":\"" + "x".repeat(5000) + "\"}")
                .sendOversized();
        oversized.ifPresent(response -> assertThat(response.statusCode()).as("oversized").isEqualTo(413));
        assertThat(api.world.agentStates.find(started.id())).isEmpty();
    }

    @Test
    void a_report_with_bad_ports_or_body_is_a_400_and_changes_nothing() throws Exception {
        String token = registeredToken(started);
        report(started, token, REPORT);
        String tooMany = IntStream.rangeClosed(1, 65).mapToObj(port -> "\"" + (1000 + port) + "\":\"p\"")
                .collect(Collectors.joining(",", "{", "}"));

        List<String> badBodies = List.of(
                ports("\"0\":\"zero\""),
                ports("\"65536\":\"too high\""),
                ports("\"08080\":\"leading zero\""),
                ports("\"+80\":\"sign\""),
                ports("\"-1\":\"negative\""),
                ports("\"0x1f90\":\"hex\""),
                ports("\" 80\":\"space\""),
                ports("\"80a\":\"suffix\""),
                ports("\"\":\"empty\""),
                ports("\"9999999999\":\"overflow\""),
                ports("\"8080\":null"),
                ports("\"8080\":[\"web\"]"),
                ports("\"8080\":\"" + "n".repeat(65) + "\""),
                "{\"agent_version\":\"0.1.0\",\"tcp_ports\":{},\"http_ports\":" + tooMany + "}",
                "{\"agent_version\":\"0.1.0\",\"ssh_port\":70000}",
                "{\"agent_version\":\"0.1.0\",\"ssh_port\":\"22\"}",
                "{\"agent_version\":\"0.1.0\",\"unknown\":1}",
                "{\"agent_version\":",
                "null",
                "");
        for (String body : badBodies) {
            assertThat(report(started, token, body).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(serviceState(started).path("http_ports").toString()).isEqualTo("{\"8080\":\"web\"}");
    }

    @Test
    void the_largest_port_and_a_name_of_the_longest_length_are_accepted() throws Exception {
        String token = registeredToken(started);

        HttpResponse<String> response = report(started, token, ports("\"65535\":\"" + "n".repeat(64) + "\""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(serviceState(started).path("http_ports").path("65535").asText()).hasSize(64);
    }

    @Test
    void an_oversized_report_is_refused() throws Exception {
        String token = registeredToken(started);

        Optional<HttpResponse<String>> response = api.call("PUT", AGENTS + started.id() + "/status").bearer(token)
                .json("{\"agent_version\":\"" + "x".repeat(17 * 1024) + "\"}").sendOversized();

        response.ifPresent(refused -> assertThat(refused.statusCode()).isEqualTo(413));
        assertThat(serviceState(started).path("has_terminal").asBoolean()).isFalse();
    }

    @Test
    void a_report_without_the_spaces_current_agent_token_is_a_401() throws Exception {
        Space other = startedSpace("other");
        String replaced = registeredToken(started);
        String current = registeredToken(started);
        String otherAgentsToken = registeredToken(other);
        String session = api.world.authService.login(
                new LoginCommand(alice.email(), World.PASSWORD, "192.0.2.1", "test")).secret();
        String path = AGENTS + started.id() + "/status";

        List<HttpResponse<String>> refused = List.of(
                api.call("PUT", path).json(REPORT).send(),
                api.call("PUT", path).bearer(aliceToken).json(REPORT).send(),
                api.call("PUT", path).bearer(session).json(REPORT).send(),
                api.call("PUT", path).cookie(session).header("Origin", ApiServer.ORIGIN).json(REPORT).send(),
                api.call("PUT", path).cookie(current).json(REPORT).send(),
                api.call("PUT", path).bearer(otherAgentsToken).json(REPORT).send(),
                api.call("PUT", path).bearer(replaced).json(REPORT).send(),
                api.call("PUT", path).bearer(current + "x").json(REPORT).send(),
                api.call("PUT", path).header("Authorization", "Basic " + current).json(REPORT).send(),
                api.call("PUT", path).header("Authorization", current).json(REPORT).send());

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body())
                    .isEqualTo("{\"error\":\"agent token is not valid\",\"code\":\"UNAUTHENTICATED\"}");
        }
        assertThat(serviceState(started).path("has_terminal").asBoolean()).isFalse();
        assertThat(report(started, current, REPORT).statusCode()).as("the current token").isEqualTo(200);
    }

    @Test
    void an_agent_token_opens_no_user_route() throws Exception {
        String token = registeredToken(started);

        assertThat(api.call("GET", "/api/v1/users/whoami").bearer(token).send().statusCode()).isEqualTo(401);
        assertThat(api.call("POST", "/api/v1/tokens").bearer(token).json("{\"name\":\"stolen\"}").send().statusCode())
                .isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/spaces/" + started.id() + "/service-state").bearer(token).send()
                .statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/v1/users/whoami").cookie(token).send().statusCode()).isEqualTo(401);
        assertThat(api.world.authService.listTokens(alice)).hasSize(1);
    }

    @Test
    void an_agent_token_in_the_query_string_is_refused_without_being_looked_at() throws Exception {
        String token = registeredToken(started);

        for (String name : List.of("token", "access_token")) {
            HttpResponse<String> response = api.call("PUT", AGENTS + started.id() + "/status?" + name + "=" + token)
                    .json(REPORT).send();

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).contains("not accepted in the query string").doesNotContain(token);
        }
        assertThat(serviceState(started).path("has_terminal").asBoolean()).isFalse();
    }

    @Test
    void no_agent_token_reaches_the_log_or_an_error_body() throws Exception {
        List<String> secrets;
        List<HttpResponse<String>> errors;
        try (CapturedLog log = new CapturedLog()) {
            String key = keyOf(started);
            JsonNode registration = JSON.readTree(register(started.id().value(), registration(key)).body());
            String token = registration.path("access_token").asText();
            secrets = List.of(token, registration.path("server_token").asText(), key);
            report(started, token, REPORT);
            String path = AGENTS + started.id() + "/status";
            errors = List.of(
                    api.call("PUT", path + "?token=" + token).json(REPORT).send(),
                    api.call("PUT", path).bearer(token + "x").json(REPORT).send(),
                    api.call("PUT", AGENTS + startedSpace("other").id() + "/status").bearer(token).json(REPORT).send(),
                    api.call("GET", "/api/v1/users/whoami").bearer(token).send(),
                    report(started, token, ports("\"0\":\"" + token + "\"")),
                    register(started.id().value(), registration(key + "x")),
                    register(started.id().value(), "{\"address\":\"bad\",\"registration_key\":\"" + key + "\"}"));

            for (String line : log.lines()) {
                for (String secret : secrets) {
                    assertThat(line).doesNotContain(secret);
                }
            }
        }
        for (HttpResponse<String> error : errors) {
            assertThat(error.statusCode()).isBetween(400, 499);
            for (String secret : secrets) {
                assertThat(error.body()).doesNotContain(secret);
            }
        }
    }

    private Space startedSpace(String name) {
        Space created = api.world.spaceService.createSpace(alice, new SpaceCommand(name, template.id(), "",
                Shell.BASH, Optional.empty(), Map.of(), List.of()));
        return api.world.spaceService.startSpace(alice, created.id());
    }

    private HttpResponse<String> register(String spaceId, String body) throws Exception {
        return api.call("POST", AGENTS + spaceId).json(body).send();
    }

    /** A registration as knot-Java's agent sends it, with {@code key} as the registration key. */
    private static String registration(String key) {
        return "{\"address\":\"10.0.0.7:3000\",\"agent_version\":\"0.1.0\",\"registration_key\":\"" + key + "\"}";
    }

    private String keyOf(Space space) {
        return api.world.agentKeys.keyFor(space.id());
    }

    private String registeredToken(Space space) throws Exception {
        HttpResponse<String> response = register(space.id().value(), registration(keyOf(space)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> report(Space space, String token, String body) throws Exception {
        return api.call("PUT", AGENTS + space.id() + "/status").bearer(token).json(body).send();
    }

    private JsonNode serviceState(Space space) throws Exception {
        HttpResponse<String> response = api.call("GET", "/api/v1/spaces/" + space.id() + "/service-state")
                .bearer(aliceToken).send();
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A report naming one HTTP port, written as given. */
    private static String ports(String httpPort) {
        return "{\"agent_version\":\"0.1.0\",\"has_terminal\":true,\"tcp_ports\":{},\"http_ports\":{" + httpPort + "}}";
    }
}
