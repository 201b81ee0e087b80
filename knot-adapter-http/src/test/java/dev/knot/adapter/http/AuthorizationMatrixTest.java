package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.in.VolumeCommand;
import dev.knot.ports.in.VolumeUseCases;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import io.undertow.util.Methods;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every registered route, called by every kind of caller, against a fresh domain per call: only the intended cells
 * succeed. A route that is not in {@link #EXPECTED} fails the test, so a new route must state who may call it.
 *
 * <p>Columns: no credential; a plain user on their own objects; a plain user on another user's objects; then the
 * managers and the admin, each on the other user's objects; last the agent of the other user's started space, with
 * its access token, which opens that space's report route and no user route. HEAD answers as GET does. The pages
 * are called as the API is, without a session cookie; LoginPagesTest and TokenPagesTest drive them as a browser.
 */
class AuthorizationMatrixTest {
    enum Principal { NONE, USER, OTHER, USER_MANAGER, TEMPLATE_MANAGER, SPACE_MANAGER, VOLUME_MANAGER, ADMIN, AGENT }

    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();
    private static final String AGENT_ROUTES = "/api/v1/agents/";

    static {
        //                                                 NONE USER OTHER  UM   TM   SM   VM  ADMIN AGENT
        expect("GET /health",                               200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("GET /api-docs/",                            200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("GET /api-docs/openapi.yaml",                200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("GET /api-docs/init.js",                     200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("GET /api-docs/swagger-ui/{file}",           200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("POST /api/v1/auth",                         200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("POST /api/v1/auth/web",                     200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("POST /api/v1/auth/logout",                  401, 200, 200, 200, 200, 200, 200, 200, 401);
        // The pages: a browser without a session is sent to log in (303); a bearer is checked as on the API.
        expect("GET /login",                                200, 200, 200, 200, 200, 200, 200, 200, 200);
        // A form post that states no origin is refused before anything; LoginPagesTest covers the rest.
        expect("POST /login",                               403, 403, 403, 403, 403, 403, 403, 403, 403);
        expect("GET /",                                     303, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /logout",                              303, 303, 303, 303, 303, 303, 303, 303, 401);
        expect("GET /api-tokens/create/{token_name}",       303, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /api-tokens/create/{token_name}",      303, 201, 201, 201, 201, 201, 201, 201, 401);
        expect("POST /api/v1/users",                        401, 403, 403, 201, 403, 403, 403, 201, 401);
        expect("GET /api/v1/users",                         401, 403, 403, 200, 403, 403, 403, 200, 401);
        expect("GET /api/v1/users/whoami",                  401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("GET /api/v1/users/{user_id}",               401, 200, 403, 200, 403, 403, 403, 200, 401);
        expect("PUT /api/v1/users/{user_id}",               401, 200, 403, 200, 403, 403, 403, 200, 401);
        expect("DELETE /api/v1/users/{user_id}",            401, 400, 403, 200, 403, 403, 403, 200, 401);
        expect("GET /api/v1/groups",                        401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /api/v1/groups",                       401, 403, 403, 201, 403, 403, 403, 201, 401);
        expect("GET /api/v1/groups/{group_id}",             401, 403, 403, 200, 403, 403, 403, 200, 401);
        expect("PUT /api/v1/groups/{group_id}",             401, 403, 403, 200, 403, 403, 403, 200, 401);
        expect("DELETE /api/v1/groups/{group_id}",          401, 403, 403, 200, 403, 403, 403, 200, 401);
        expect("GET /api/v1/templates",                     401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /api/v1/templates",                    401, 403, 403, 403, 201, 403, 403, 201, 401);
        expect("GET /api/v1/templates/{template_id}",       401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("PUT /api/v1/templates/{template_id}",       401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("DELETE /api/v1/templates/{template_id}",    401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("GET /api/v1/templatevars",                  401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("POST /api/v1/templatevars",                 401, 403, 403, 403, 201, 403, 403, 201, 401);
        expect("GET /api/v1/templatevars/{templatevar_id}", 401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("PUT /api/v1/templatevars/{templatevar_id}", 401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("DELETE /api/v1/templatevars/{templatevar_id}", 401, 403, 403, 403, 200, 403, 403, 200, 401);
        expect("GET /api/v1/spaces",                        401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /api/v1/spaces",                       401, 201, 201, 201, 201, 201, 201, 201, 401);
        expect("GET /api/v1/spaces/{space_id}",             401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("PUT /api/v1/spaces/{space_id}",             401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("DELETE /api/v1/spaces/{space_id}",          401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("POST /api/v1/spaces/{space_id}/start",      401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("POST /api/v1/spaces/{space_id}/stop",       401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("GET /api/v1/spaces/{space_id}/service-state", 401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("GET /api/v1/spaces/{space_id}/agent-key",   401, 200, 404, 404, 404, 200, 404, 200, 401);
        expect("POST /api/v1/spaces/stop-for-user/{user_id}", 401, 200, 403, 200, 403, 200, 403, 200, 401);
        expect("GET /api/v1/volumes",                       401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("POST /api/v1/volumes",                      401, 403, 403, 403, 403, 403, 201, 201, 401);
        expect("GET /api/v1/volumes/{volume_id}",           401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("PUT /api/v1/volumes/{volume_id}",           401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("DELETE /api/v1/volumes/{volume_id}",        401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("POST /api/v1/volumes/{volume_id}/start",    401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("POST /api/v1/volumes/{volume_id}/stop",     401, 403, 403, 403, 403, 403, 200, 200, 401);
        expect("GET /api/v1/roles",                         401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("GET /api/v1/sessions",                      401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("DELETE /api/v1/sessions/{session_id}",      401, 200, 404, 404, 404, 404, 404, 404, 401);
        expect("GET /api/v1/tokens",                        401, 200, 200, 200, 200, 200, 200, 200, 401);
        expect("POST /api/v1/tokens",                       401, 201, 201, 201, 201, 201, 201, 201, 401);
        expect("DELETE /api/v1/tokens/{token_id}",          401, 200, 404, 404, 404, 404, 404, 404, 401);
        expect("GET /api/v1/ping",                          401, 200, 200, 200, 200, 200, 200, 200, 401);
        // Whoever holds the space's registration key (in the body) registers; AgentRoutesTest covers the key.
        expect("POST /api/v1/agents/{space_id}",            200, 200, 200, 200, 200, 200, 200, 200, 200);
        expect("PUT /api/v1/agents/{space_id}/status",      401, 401, 401, 401, 401, 401, 401, 401, 200);
        // A plain GET is no websocket handshake: 400 once authenticated; TerminalRoutesTest covers who gets a shell.
        expect("GET /proxy/spaces/{space_id}/terminal/{shell}", 401, 400, 400, 400, 400, 400, 400, 400, 401);
        // The same for the tunnels of knot forward; TunnelRoutesTest covers whose spaces they reach.
        expect("GET /proxy/spaces/{space_name}/ssh",        401, 400, 400, 400, 400, 400, 400, 400, 401);
        expect("GET /proxy/spaces/{space_name}/port/{port}", 401, 400, 400, 400, 400, 400, 400, 400, 401);
        // No space here has an agent, so code-server is 404 once authenticated; CodeServerRoutesTest covers the rest.
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            expect(method + " /proxy/spaces/{space_id}/code-server/*", 401, 404, 404, 404, 404, 404, 404, 404, 401);
        }
        // Without a wildcard domain there are no web ports; WebPortProxyTest covers them. A browser without a
        // session is sent to log in first.
        expect("GET /proxy/webport/authorize",              303, 404, 404, 404, 404, 404, 404, 404, 401);
    }

    private static final AtomicReference<Scenario> CURRENT = new AtomicReference<>();
    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = ApiServer.start(new UseCases(
                        delegating(UserUseCases.class, () -> CURRENT.get().world.userService),
                        delegating(GroupUseCases.class, () -> CURRENT.get().world.groupService),
                        delegating(AuthUseCases.class, () -> CURRENT.get().world.authService),
                        delegating(TemplateUseCases.class, () -> CURRENT.get().world.templateService),
                        delegating(TemplateVarUseCases.class, () -> CURRENT.get().world.templateVarService),
                        delegating(SpaceUseCases.class, () -> CURRENT.get().world.spaceService),
                        delegating(VolumeUseCases.class, () -> CURRENT.get().world.volumeService),
                        delegating(AgentUseCases.class, () -> CURRENT.get().world.agentService)),
                ApiServer.config());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void every_route_is_in_the_matrix_and_every_row_is_a_route() {
        Set<String> registered = registeredRoutes();
        Set<String> declared = new TreeSet<>(EXPECTED.keySet());
        for (String route : EXPECTED.keySet()) {
            if (route.startsWith("GET ")) {
                declared.add("HEAD " + route.substring(4));
            }
        }

        assertThat(declared).as("routes in the matrix").containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void only_the_intended_cells_succeed() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String route : registeredRoutes()) {
            String[] methodAndPath = route.split(" ", 2);
            boolean head = methodAndPath[0].equals(Methods.HEAD_STRING);
            List<Integer> row = EXPECTED.get(head ? "GET " + methodAndPath[1] : route);
            if (row == null) {
                mismatches.add(route + ": not in the matrix");
                continue;
            }
            for (Principal principal : Principal.values()) {
                Scenario scenario = new Scenario();
                CURRENT.set(scenario);
                HttpResponse<String> response = scenario.call(methodAndPath[0], methodAndPath[1], principal);
                int expected = row.get(principal.ordinal());
                if (response.statusCode() != expected) {
                    mismatches.add(String.format("%s as %s: expected %s, got %s %s",
                            route, principal, expected, response.statusCode(), response.body()));
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    private static Set<String> registeredRoutes() {
        return ApiServer.routeTable(new World(), ApiServer.config()).routes().stream()
                .map(route -> route.method() + " " + route.pathTemplate())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void expect(String route, Integer... statuses) {
        assertThat(statuses).hasSize(Principal.values().length);
        EXPECTED.put(route, List.of(statuses));
    }

    /** The use-case port, forwarding each call to the current scenario's domain. */
    private static <T> T delegating(Class<T> port, Supplier<T> current) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            try {
                return method.invoke(current.get(), args);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        }));
    }

    /**
     * A fresh domain: every kind of user with a token, a victim with a session and a token, a group, a template
     * restricted to that group and a protected template variable.
     */
    private static final class Scenario {
        final World world = new World();
        final Map<Principal, User> users = new EnumMap<>(Principal.class);
        final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
        final User victim;
        final Group group;
        final Template restrictedTemplate;
        final Id<TemplateVar> variable;
        final Template openTemplate;
        /** Another user's spaces: the victim has none, so that deleting the victim is not refused. */
        final User spaceOwner;
        /** Stopped and started spaces of the plain user and of the space owner, by owner. */
        final Map<Id<User>, Space> stoppedSpaces = new HashMap<>();
        final Map<Id<User>, Space> startedSpaces = new HashMap<>();
        final Volume stoppedVolume;
        final Volume startedVolume;

        Scenario() {
            User admin = world.admin();
            users.put(Principal.ADMIN, admin);
            users.put(Principal.USER, world.user(admin, "plain"));
            users.put(Principal.OTHER, world.user(admin, "other"));
            users.put(Principal.USER_MANAGER, world.user(admin, "usermanager", Role.USER_MANAGER));
            users.put(Principal.TEMPLATE_MANAGER, world.user(admin, "templatemanager", Role.TEMPLATE_MANAGER));
            users.put(Principal.SPACE_MANAGER, world.user(admin, "spacemanager", Role.SPACE_MANAGER));
            users.put(Principal.VOLUME_MANAGER, world.user(admin, "volumemanager", Role.VOLUME_MANAGER));
            users.forEach((principal, user) -> tokens.put(principal, world.token(user)));
            victim = world.user(admin, "victim");
            group = world.groupService.createGroup(admin, "developers");
            restrictedTemplate = world.templateService.createTemplate(
                    admin, new TemplateCommand("web", "", "job \"web\" {}", "", Set.of(group.id())));
            variable = world.templateVarService.createVariable(
                    admin, new TemplateVarCommand("api_key", "", "secret", true)).id();
            openTemplate = world.templateService.createTemplate(admin, new TemplateCommand("open", "",
                    "job \"open\" {\n  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n    }\n  }\n}\n",
                    "", Set.of()));
            spaceOwner = world.user(admin, "spaceowner");
            for (User owner : List.of(users.get(Principal.USER), spaceOwner)) {
                stoppedSpaces.put(owner.id(), world.spaceService.createSpace(owner, new SpaceCommand("stopped",
                        openTemplate.id(), "", Shell.BASH, Optional.empty(), Map.of(), List.of())));
                Space started = world.spaceService.createSpace(owner, new SpaceCommand("started",
                        openTemplate.id(), "", Shell.BASH, Optional.empty(), Map.of(), List.of()));
                startedSpaces.put(owner.id(), world.spaceService.startSpace(owner, started.id()));
            }
            stoppedVolume = world.volumeService.createVolume(admin, new VolumeCommand("stopped", volumeYaml("data")));
            startedVolume = world.volumeService.startVolume(admin, world.volumeService.createVolume(admin,
                    new VolumeCommand("started", volumeYaml("started"))).id());
        }

        private static String volumeYaml(String volumeId) {
            return "volumes:\n  - id: " + volumeId + "\n    plugin_id: hostpath\n";
        }

        HttpResponse<String> call(String method, String template, Principal principal) throws Exception {
            User owner = principal == Principal.USER ? users.get(Principal.USER) : victim;
            boolean stopping = template.endsWith("/stop");
            // Only a started space's agent may register and report.
            boolean needsStartedSpace = stopping || template.startsWith(AGENT_ROUTES);
            User spacesOwner = principal == Principal.USER ? owner : spaceOwner;
            Space space = (needsStartedSpace ? startedSpaces : stoppedSpaces).get(spacesOwner.id());
            String path = template
                    .replace("{space_id}", space.id().value())
                    .replace("{space_name}", space.name())
                    .replace("{port}", "22")
                    .replace("{volume_id}", (stopping ? startedVolume : stoppedVolume).id().value())
                    .replace("{user_id}", owner.id().value())
                    .replace("{group_id}", group.id().value())
                    .replace("{template_id}", restrictedTemplate.id().value())
                    .replace("{templatevar_id}", variable.value())
                    .replace("{session_id}", login(owner))
                    .replace("{token_id}", world.authService.createToken(owner, "extra").record().id().value())
                    .replace("{file}", "swagger-ui.css")
                    .replace("{shell}", "bash")
                    .replace("{token_name}", "cli");
            ApiServer.Call call = api.call(method, path);
            if (principal == Principal.AGENT) {
                Space agentsSpace = startedSpaces.get(spaceOwner.id());
                call.bearer(world.agentService.register(agentsSpace.id(), "10.0.0.7:3000", "test",
                        world.agentKeys.keyFor(agentsSpace.id())).accessToken());
            } else if (principal != Principal.NONE) {
                call.bearer(tokens.get(principal));
            }
            String body = body(method, template, owner, openTemplate);
            if (body != null) {
                call.json(body.replace("{registration_key}", world.agentKeys.keyFor(space.id())));
            }
            return call.send();
        }

        private String login(User user) {
            return world.authService.login(new LoginCommand(user.email(), World.PASSWORD, "192.0.2.1", "test"))
                    .record().id().value();
        }

        private static String body(String method, String template, User target, Template openTemplate) {
            return switch (method + " " + template) {
                case "POST /api/v1/auth", "POST /api/v1/auth/web" ->
                        String.format("{\"email\":\"%s\",\"password\":\"%s\"}", target.email(), World.PASSWORD);
                case "POST /api/v1/users" -> "{\"username\":\"newcomer\",\"email\":\"newcomer@example.com\","
                        + "\"password\":\"long enough\",\"active\":true,\"preferred_shell\":\"bash\","
                        + "\"timezone\":\"UTC\"}";
                case "PUT /api/v1/users/{user_id}" -> String.format("{\"email\":\"%s\",\"active\":true,"
                        + "\"preferred_shell\":\"zsh\",\"timezone\":\"Europe/London\"}", target.email());
                case "POST /api/v1/groups" -> "{\"name\":\"testers\"}";
                case "PUT /api/v1/groups/{group_id}" -> "{\"name\":\"renamed\"}";
                case "POST /api/v1/tokens" -> "{\"name\":\"cli\"}";
                case "POST /api/v1/templates", "PUT /api/v1/templates/{template_id}" ->
                        "{\"name\":\"api\",\"job\":\"job \\\"api\\\" {}\",\"groups\":[]}";
                case "POST /api/v1/spaces" -> String.format("{\"name\":\"new-space\",\"template_id\":\"%s\"}",
                        openTemplate.id().value());
                case "PUT /api/v1/spaces/{space_id}" -> "{\"name\":\"renamed\"}";
                case "POST /api/v1/volumes" -> "{\"name\":\"scratch\",\"definition\":\"\"}";
                case "PUT /api/v1/volumes/{volume_id}" -> "{\"name\":\"renamed\"}";
                case "POST /api/v1/agents/{space_id}" -> "{\"address\":\"10.0.0.8:3000\",\"agent_version\":\"test\","
                        + "\"registration_key\":\"{registration_key}\"}";
                case "PUT /api/v1/agents/{space_id}/status" -> "{\"agent_version\":\"test\",\"has_code_server\":false,"
                        + "\"ssh_port\":22,\"vnc_http_port\":0,\"has_terminal\":true,\"tcp_ports\":{\"22\":\"SSH\"},"
                        + "\"http_ports\":{}}";
                case "POST /api/v1/templatevars", "PUT /api/v1/templatevars/{templatevar_id}" ->
                        "{\"name\":\"region\",\"location\":\"\",\"value\":\"eu\",\"protected\":false}";
                default -> null;
            };
        }
    }
}
