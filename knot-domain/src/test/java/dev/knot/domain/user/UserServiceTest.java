package dev.knot.domain.user;

import static dev.knot.domain.DomainFixture.newUser;
import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.domain.DomainFixture;
import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.in.UserStateFilter;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.testkit.fake.FakePasswordHasher;
import dev.knot.testkit.fixture.SessionFixtures;
import dev.knot.testkit.fixture.SpaceFixtures;
import dev.knot.testkit.fixture.TokenFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UserServiceTest {
    private final DomainFixture domain = new DomainFixture();
    /** Fake hashers are stateless, so this one checks the hashes the fixture's service made. */
    private final PasswordHasher hasher = new FakePasswordHasher();

    @Test
    void firstAdminIsAnAdminWhateverTheCommandSays() {
        assertThat(domain.userService.setupRequired()).isTrue();

        User admin = domain.userService.createFirstAdmin(newUser("first"));

        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.active()).isTrue();
        assertThat(domain.userService.setupRequired()).isFalse();
    }

    @Test
    void setupClosesOnceAUserExists() {
        domain.admin();

        assertCode(() -> domain.userService.createFirstAdmin(newUser("second")), ErrorCode.PERMISSION_DENIED);
        assertThat(domain.users.findAll()).hasSize(1);
    }

    @Test
    void tenConcurrentFirstAdminRequestsMakeExactlyOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            String username = "admin" + index;
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    domain.userService.createFirstAdmin(newUser(username));
                    return true;
                } catch (KnotException refused) {
                    return false;
                }
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        int created = 0;
        for (Future<Boolean> outcome : outcomes) {
            created += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(domain.users.findAll()).hasSize(1);
    }

    @Test
    void aPlainUserCannotCreateUsers() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");

        assertCode(() -> domain.userWith(plain, "other"), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aUserManagerCannotGrantAdmin() {
        User admin = domain.admin();
        User manager = domain.userWith(admin, "manager", Role.USER_MANAGER);

        assertCode(() -> domain.userWith(manager, "sneaky", Role.ADMIN), ErrorCode.PERMISSION_DENIED);
        assertThat(domain.users.findByUsername("sneaky")).isEmpty();
    }

    @Test
    void aUserManagerCannotChangeAnAdminsAccount() {
        User admin = domain.admin();
        User manager = domain.userWith(admin, "manager", Role.USER_MANAGER);

        assertCode(() -> domain.userService.updateUser(manager, admin.id(), sameAs(admin, "new-password-1")),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.userService.deleteUser(manager, admin.id()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aUserManagerCannotMakeThemselfAdmin() {
        User admin = domain.admin();
        User manager = domain.userWith(admin, "manager", Role.USER_MANAGER);
        UpdateUserCommand escalate = withRoles(sameAs(manager, ""), Set.of(Role.USER_MANAGER, Role.ADMIN));

        assertCode(() -> domain.userService.updateUser(manager, manager.id(), escalate), ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.users.findById(manager.id()).orElseThrow().roles()).containsExactly(Role.USER_MANAGER);
    }

    @Test
    void aPlainUserEditingThemselfCannotChangeRolesQuotasOrActive() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        UpdateUserCommand wish = new UpdateUserCommand("new@example.com", "", "", Set.of(Role.ADMIN), Set.of(),
                false, 1000, 1000, "", "", Shell.ZSH, "Europe/London");

        User updated = domain.userService.updateUser(plain, plain.id(), wish);

        assertThat(updated.email()).isEqualTo("new@example.com");
        assertThat(updated.preferredShell()).isEqualTo(Shell.ZSH);
        assertThat(updated.roles()).isEmpty();
        assertThat(updated.active()).isTrue();
        assertThat(updated.maxSpaces()).isZero();
    }

    @Test
    void nobodyDeactivatesOrDeletesThemself() {
        User admin = domain.admin();
        UpdateUserCommand deactivate = withActive(sameAs(admin, ""), false);

        assertCode(() -> domain.userService.updateUser(admin, admin.id(), deactivate), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> domain.userService.deleteUser(admin, admin.id()), ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.users.findById(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aPlainUserCannotReadAnotherUser() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");

        assertCode(() -> domain.userService.getUser(plain, admin.id()), ErrorCode.PERMISSION_DENIED);
        assertThat(domain.userService.getUser(plain, plain.id())).isEqualTo(plain);
    }

    @Test
    void deactivatingAUserEndsTheirSessions() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        domain.sessions.save(SessionFixtures.aSession().withUser(plain.id()).build());

        domain.userService.updateUser(admin, plain.id(), withActive(sameAs(plain, ""), false));

        assertThat(domain.sessions.findByUser(plain.id())).isEmpty();
    }

    @Test
    void deletingAUserRemovesTheirSessionsAndTokens() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        domain.sessions.save(SessionFixtures.aSession().withUser(plain.id()).build());
        domain.tokens.save(TokenFixtures.aToken().withUser(plain.id()).build());

        domain.userService.deleteUser(admin, plain.id());

        assertThat(domain.users.findById(plain.id())).isEmpty();
        assertThat(domain.sessions.findByUser(plain.id())).isEmpty();
        assertThat(domain.tokens.findByUser(plain.id())).isEmpty();
    }

    @Test
    void aUserWithSpacesIsNotDeleted() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        domain.spaces.create(SpaceFixtures.aStoppedSpace().withOwner(plain.id()).build());

        assertCode(() -> domain.userService.deleteUser(admin, plain.id()), ErrorCode.LOCKED);
        assertThat(domain.users.findById(plain.id())).isPresent();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        User admin = domain.admin();
        CreateUserCommand shortPassword = new CreateUserCommand("bob", "bob@example.com", "short", "", Set.of(),
                Set.of(), true, 0, 0, "", "", Shell.BASH, "UTC");
        CreateUserCommand badTimezone = new CreateUserCommand("bob", "bob@example.com", "long enough", "", Set.of(),
                Set.of(), true, 0, 0, "", "", Shell.BASH, "Mars/Olympus");
        CreateUserCommand unknownGroup = new CreateUserCommand("bob", "bob@example.com", "long enough", "", Set.of(),
                Set.of(Id.<Group>of("01890000-0000-7000-8000-000000000001")), true, 0, 0, "", "", Shell.BASH, "UTC");
        CreateUserCommand doubleHyphen = newUser("bo--b");

        for (CreateUserCommand bad : List.of(shortPassword, badTimezone, unknownGroup, doubleHyphen)) {
            assertCode(() -> domain.userService.createUser(admin, bad), ErrorCode.INVALID_ARGUMENT);
        }
        assertThat(domain.users.findAll()).containsExactly(admin);
    }

    @Test
    void duplicateEmailsAreRefusedWhateverTheirCase() {
        User admin = domain.admin();
        CreateUserCommand sameEmail = new CreateUserCommand("other", "ADMIN@example.com", "long enough", "",
                Set.of(), Set.of(), true, 0, 0, "", "", Shell.BASH, "UTC");

        assertCode(() -> domain.userService.createUser(admin, sameEmail), ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void servicePasswordIsStoredEncryptedAndRevealedOnlyToItsOwnerOrAManager() {
        User admin = domain.admin();
        CreateUserCommand command = new CreateUserCommand("carol", "carol@example.com", "long enough",
                "service-secret", Set.of(), Set.of(), true, 0, 0, "", "", Shell.BASH, "UTC");
        User carol = domain.userService.createUser(admin, command);
        User plain = domain.userWith(admin, "plain");

        assertThat(carol.servicePassword().ciphertext()).doesNotContain("service-secret");
        assertThat(domain.userService.revealServicePassword(carol, carol.id())).isEqualTo("service-secret");
        assertThat(domain.userService.revealServicePassword(admin, carol.id())).isEqualTo("service-secret");
        assertCode(() -> domain.userService.revealServicePassword(plain, carol.id()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aGeneratedServicePasswordIsSixteenAlphanumerics() {
        User admin = domain.admin();

        assertThat(domain.userService.revealServicePassword(admin, admin.id())).matches("[A-Za-z0-9]{16}");
    }

    @Test
    void listingFiltersByState() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        domain.userService.updateUser(admin, plain.id(), withActive(sameAs(plain, ""), false));

        assertThat(domain.userService.listUsers(admin, UserStateFilter.ACTIVE)).extracting(User::username)
                .containsExactly("admin");
        assertThat(domain.userService.listUsers(admin, UserStateFilter.INACTIVE)).extracting(User::username)
                .containsExactly("plain");
        assertThat(domain.userService.listUsers(admin, UserStateFilter.ALL)).hasSize(2);
    }

    @Test
    void anInactiveManagerHasNoPower() {
        User admin = domain.admin();
        User manager = domain.userWith(admin, "manager", Role.USER_MANAGER);
        domain.userService.updateUser(admin, manager.id(), withActive(sameAs(manager, ""), false));
        User inactiveManager = domain.users.findById(manager.id()).orElseThrow();

        assertCode(() -> domain.userWith(inactiveManager, "other"), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void theOperatorResetsAnyonesPasswordAndEndsTheirSessions() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        domain.sessions.save(SessionFixtures.aSession().withUser(plain.id()).build());
        domain.sessions.save(SessionFixtures.aSession().withUser(admin.id()).build());

        domain.userService.resetPassword("PLAIN@example.com", "a new password");

        User reset = domain.users.findById(plain.id()).orElseThrow();
        assertThat(hasher.verify("a new password", reset.passwordHash())).isTrue();
        assertThat(hasher.verify("correct horse battery", reset.passwordHash())).isFalse();
        assertThat(domain.sessions.findByUser(plain.id())).isEmpty();
        assertThat(domain.sessions.findByUser(admin.id())).hasSize(1);
    }

    @Test
    void aResetPasswordKeepsThePasswordRules() {
        User admin = domain.admin();

        assertCode(() -> domain.userService.resetPassword("admin@example.com", "short"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> domain.userService.resetPassword("admin@example.com", "x".repeat(1025)),
                ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.users.findById(admin.id()).orElseThrow()).isEqualTo(admin);
    }

    @Test
    void resettingThePasswordOfAnUnknownEmailIsNotFound() {
        domain.admin();

        assertCode(() -> domain.userService.resetPassword("nobody@example.com", "a new password"),
                ErrorCode.NOT_FOUND);
    }

    @Test
    void theOperatorCreatesUsersWithAnyRoleUnderTheSameRules() {
        domain.admin();

        User second = domain.userService.createUserAsOperator(newUser("second", Role.ADMIN, Role.SPACE_MANAGER));

        assertThat(domain.users.findById(second.id())).contains(second);
        assertThat(second.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.SPACE_MANAGER);
        assertCode(() -> domain.userService.createUserAsOperator(newUser("second")), ErrorCode.ALREADY_EXISTS);
        assertCode(() -> domain.userService.createUserAsOperator(newUser("bo--b")), ErrorCode.INVALID_ARGUMENT);
        CreateUserCommand unknownGroup = new CreateUserCommand("bob", "bob@example.com", "long enough", "", Set.of(),
                Set.of(Id.<Group>of("01890000-0000-7000-8000-000000000001")), true, 0, 0, "", "", Shell.BASH, "UTC");
        assertCode(() -> domain.userService.createUserAsOperator(unknownGroup), ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.users.findAll()).hasSize(2);
    }

    private static UpdateUserCommand sameAs(User user, String newPassword) {
        return new UpdateUserCommand(user.email(), newPassword, "", user.roles(), user.groups(), user.active(),
                user.maxSpaces(), user.maxDiskSpace(), user.sshPublicKey(), user.githubUsername(),
                user.preferredShell(), user.timezone());
    }

    private static UpdateUserCommand withRoles(UpdateUserCommand command, Set<Role> roles) {
        return new UpdateUserCommand(command.email(), command.password(), command.servicePassword(), roles,
                command.groups(), command.active(), command.maxSpaces(), command.maxDiskSpace(),
                command.sshPublicKey(), command.githubUsername(), command.preferredShell(), command.timezone());
    }

    private static UpdateUserCommand withActive(UpdateUserCommand command, boolean active) {
        return new UpdateUserCommand(command.email(), command.password(), command.servicePassword(),
                command.roles(), command.groups(), active, command.maxSpaces(), command.maxDiskSpace(),
                command.sshPublicKey(), command.githubUsername(), command.preferredShell(), command.timezone());
    }
}
