package dev.knot.domain;

import dev.knot.domain.auth.AuthService;
import dev.knot.domain.auth.AuthSettings;
import dev.knot.domain.group.GroupService;
import dev.knot.domain.template.TemplateService;
import dev.knot.domain.template.TemplateVarService;
import dev.knot.domain.user.UserService;
import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SecretCipher;
import dev.knot.testkit.fake.FakePasswordHasher;
import dev.knot.testkit.fake.FakeSecretCipher;
import dev.knot.testkit.fake.InMemoryGroupRepository;
import dev.knot.testkit.fake.InMemorySessionStore;
import dev.knot.testkit.fake.InMemorySpaceRepository;
import dev.knot.testkit.fake.InMemoryTemplateRepository;
import dev.knot.testkit.fake.InMemoryTemplateVarRepository;
import dev.knot.testkit.fake.InMemoryTokenRepository;
import dev.knot.testkit.fake.InMemoryUserRepository;
import dev.knot.testkit.fixture.MutableClock;
import dev.knot.testkit.fixture.SequentialIdGenerator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The domain's services over the testkit's in-memory fakes, for tests that assert on state. */
public final class DomainFixture {
    public final MutableClock clock = new MutableClock();
    public final SequentialIdGenerator ids = new SequentialIdGenerator();
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryGroupRepository groups = new InMemoryGroupRepository();
    public final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    public final InMemoryTemplateVarRepository variables = new InMemoryTemplateVarRepository();
    public final InMemorySpaceRepository spaces = new InMemorySpaceRepository();
    public final InMemoryTokenRepository tokens = new InMemoryTokenRepository();
    public final InMemorySessionStore sessions = new InMemorySessionStore(clock);
    public final SecretCipher cipher;
    /** Users whose keys changed, in the order UserService said so. */
    public final List<User> keysChanged = new CopyOnWriteArrayList<>();
    public final UserService userService;
    public final GroupService groupService;
    public final TemplateService templateService;
    public final TemplateVarService templateVarService;
    public final AuthService authService;

    public DomainFixture() {
        this(new FakeSecretCipher());
    }

    public DomainFixture(SecretCipher cipher) {
        this.cipher = cipher;
        userService = new UserService(
                users, groups, spaces, tokens, sessions, new FakePasswordHasher(), cipher, ids, clock,
                keysChanged::add);
        groupService = new GroupService(groups, users, templates, ids, clock);
        templateService = new TemplateService(templates, variables, groups, spaces, ids, clock);
        templateVarService = new TemplateVarService(variables, cipher, ids, clock);
        authService = new AuthService(users, sessions, tokens, new FakePasswordHasher(), ids, clock,
                AuthSettings.defaults());
    }

    public static CreateUserCommand newUser(String username, Role... roles) {
        return new CreateUserCommand(username, username + "@example.com", "correct horse battery", "", Set.of(roles),
                Set.of(), true, 0, 0, "", "", Shell.BASH, "UTC");
    }

    /** The first admin, made through setup. */
    public User admin() {
        return userService.createFirstAdmin(newUser("admin"));
    }

    public User userWith(User creator, String username, Role... roles) {
        return userService.createUser(creator, newUser(username, roles));
    }
}
