package dev.knot.adapter.http;

import dev.knot.domain.agent.AgentService;
import dev.knot.domain.auth.AuthService;
import dev.knot.domain.crypto.AgentRegistrationKeys;
import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.domain.auth.AuthSettings;
import dev.knot.domain.group.GroupService;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.domain.space.SpaceService;
import dev.knot.domain.space.SpaceSettings;
import dev.knot.domain.template.TemplateService;
import dev.knot.domain.template.TemplateVarService;
import dev.knot.domain.user.UserService;
import dev.knot.domain.volume.VolumeService;
import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.LoginCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import dev.knot.testkit.fake.FakeJobScheduler;
import dev.knot.testkit.fake.RecordingAgentClient;
import dev.knot.testkit.fake.FakePasswordHasher;
import dev.knot.testkit.fake.FakeSecretCipher;
import dev.knot.testkit.fake.FakeVolumeScheduler;
import dev.knot.testkit.fake.InMemoryAgentStateStore;
import dev.knot.testkit.fake.InMemoryGroupRepository;
import dev.knot.testkit.fake.InMemorySessionStore;
import dev.knot.testkit.fake.InMemorySpaceRepository;
import dev.knot.testkit.fake.InMemoryTemplateRepository;
import dev.knot.testkit.fake.InMemoryTemplateVarRepository;
import dev.knot.testkit.fake.InMemoryTokenRepository;
import dev.knot.testkit.fake.InMemoryUserRepository;
import dev.knot.testkit.fake.InMemoryVolumeRepository;
import dev.knot.testkit.fixture.MutableClock;
import dev.knot.testkit.fixture.SequentialIdGenerator;
import java.util.Set;

/** The real domain services over the testkit's in-memory fakes: what the routes drive in these tests. */
final class World {
    static final String PASSWORD = "correct horse battery";
    static final String LOCATION = "core";
    static final String SERVER_KEY = "0123456789abcdef0123456789abcdef";

    final MutableClock clock = new MutableClock();
    final SequentialIdGenerator ids = new SequentialIdGenerator();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryGroupRepository groups = new InMemoryGroupRepository();
    final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    final InMemoryTemplateVarRepository variables = new InMemoryTemplateVarRepository();
    final InMemorySpaceRepository spaces = new InMemorySpaceRepository();
    final InMemoryTokenRepository tokens = new InMemoryTokenRepository();
    final InMemorySessionStore sessions = new InMemorySessionStore(clock);
    final UserService userService;
    final GroupService groupService;
    final AuthService authService;
    final TemplateService templateService;
    final TemplateVarService templateVarService;
    final FakeJobScheduler jobs = new FakeJobScheduler();
    final FakeVolumeScheduler volumeScheduler = new FakeVolumeScheduler();
    final InMemoryVolumeRepository volumes = new InMemoryVolumeRepository();
    final InMemoryAgentStateStore agentStates = new InMemoryAgentStateStore(clock);
    final SpaceService spaceService;
    final RecordingAgentClient agentClient = new RecordingAgentClient();
    final AgentRegistrationKeys agentKeys = new AgentRegistrationKeys(SERVER_KEY);
    final AgentService agentService;
    final VolumeService volumeService;

    World() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        FakeSecretCipher cipher = new FakeSecretCipher();
        agentService = new AgentService(spaces, templates, users, agentStates, agentClient,
                new AgentServerTokens(SERVER_KEY), agentKeys, clock);
        userService = new UserService(users, groups, spaces, tokens, sessions, hasher, cipher, ids, clock,
                agentService);
        groupService = new GroupService(groups, users, templates, ids, clock);
        authService = new AuthService(users, sessions, tokens, hasher, ids, clock, AuthSettings.defaults());
        templateService = new TemplateService(templates, variables, groups, spaces, ids, clock);
        templateVarService = new TemplateVarService(variables, cipher, ids, clock);
        templateService.ensureManualTemplate();
        spaceService = new SpaceService(spaces, templates, users, agentStates, jobs, volumeScheduler,
                templateVarService, cipher, agentKeys, new TemplateRenderer(),
                SpaceSettings.of("https://knot.example.com", "", "", LOCATION, "", ""), ids, clock);
        volumeService = new VolumeService(volumes, volumeScheduler, LOCATION, ids, clock);
    }

    static CreateUserCommand newUser(String username, Role... roles) {
        return new CreateUserCommand(username, email(username), PASSWORD, "", Set.of(roles), Set.of(), true, 0, 0,
                "", "", Shell.BASH, "UTC");
    }

    static String email(String username) {
        return username + "@example.com";
    }

    User admin() {
        return userService.createFirstAdmin(newUser("admin"));
    }

    User user(User creator, String username, Role... roles) {
        return userService.createUser(creator, newUser(username, roles));
    }

    /** The secret of a new login session of the user, as a browser's (cookie) or a script's (bearer). */
    String session(User user) {
        return authService.login(new LoginCommand(user.email(), PASSWORD, "192.0.2.1", "browser")).secret();
    }

    /** Has {@code admin} set whether the user is active and which roles they hold, the rest of the user unchanged. */
    void changeAccess(User admin, User user, boolean active, Set<Role> roles) {
        userService.updateUser(admin, user.id(), new UpdateUserCommand(user.email(), "", "", roles, user.groups(),
                active, user.maxSpaces(), user.maxDiskSpace(), user.sshPublicKey(), user.githubUsername(),
                user.preferredShell(), user.timezone()));
    }

    /** A bearer API token for the user. */
    String token(User user) {
        return authService.createToken(user, "test").secret();
    }
}
