package dev.knot.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.knot.adapter.crypto.CryptoModule;
import dev.knot.adapter.crypto.PasswordHashingConfig;
import dev.knot.adapter.embedded.EmbeddedConfig;
import dev.knot.adapter.embedded.EmbeddedStorageModule;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.wiring.KnotDirectStore;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.runtime.ManagedService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `knot admin` in process, on a real embedded store in a temporary directory, reopened afterwards to check. */
class AdminCommandsTest {
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});

    @TempDir
    Path working;

    @Test
    void createUserOnAnEmptyStoreMakesTheFirstAdmin() {
        CliRun run = knot("first password\n", "admin", "create-user", "--username", "alice", "--email",
                "alice@example.com");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created user alice", "roles Admin", "the first user is always an admin");
        User alice = userIn(defaultStore(), "alice@example.com");
        assertThat(alice.roles()).containsExactly(Role.ADMIN);
        assertThat(passwordMatches(defaultStore(), alice, "first password")).isTrue();
    }

    @Test
    void createUserAfterTheFirstGivesExactlyTheRolesAsked() {
        createFirstAdmin();

        CliRun run = knot("bobs password\n", "admin", "create-user", "--username", "bob", "--email", "bob@example.com",
                "--role", "template manager", "--role", "00000000-0000-0000-0000-000000000003");
        CliRun carol = knot("carols password\n", "admin", "create-user", "--username", "carol", "--email",
                "carol@example.com", "--admin");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created user bob", "roles Template Manager, Space Manager");
        User bob = userIn(defaultStore(), "bob@example.com");
        assertThat(bob.roles()).containsExactlyInAnyOrder(Role.TEMPLATE_MANAGER, Role.SPACE_MANAGER);
        assertThat(passwordMatches(defaultStore(), bob, "bobs password")).isTrue();
        assertThat(carol.exitCode()).as(carol.err()).isZero();
        assertThat(userIn(defaultStore(), "carol@example.com").roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void createUserKeepsTheUserRules() {
        createFirstAdmin();

        CliRun duplicate = knot("long enough\n", "admin", "create-user", "--username", "other", "--email",
                "ALICE@example.com");
        CliRun badName = knot("long enough\n", "admin", "create-user", "--username", "bo--b", "--email",
                "bob@example.com");
        CliRun shortPassword = knot("short\n", "admin", "create-user", "--username", "bob", "--email",
                "bob@example.com");

        assertThat(duplicate.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(duplicate.err()).startsWith("knot: ").containsIgnoringCase("email");
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(shortPassword.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(shortPassword.err()).contains("password: must be 8 to 1024 characters long");
        assertThat(storeFindsByUsername("bob")).isEmpty();
    }

    @Test
    void anUnknownRoleIsAUsageError() {
        CliRun run = knot("long enough\n", "admin", "create-user", "--username", "bob", "--email", "bob@example.com",
                "--role", "superuser");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("unknown role 'superuser'", "\"Volume Manager\"");
        assertThat(defaultStore()).doesNotExist();
    }

    @Test
    void setPasswordReplacesThePasswordOfTheUserWithThatEmail() {
        createFirstAdmin();

        CliRun run = knot("a brand new password\n", "admin", "set-password", "ALICE@example.com");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("The password of ALICE@example.com is set");
        User alice = userIn(defaultStore(), "alice@example.com");
        assertThat(passwordMatches(defaultStore(), alice, "a brand new password")).isTrue();
        assertThat(passwordMatches(defaultStore(), alice, "first password")).isFalse();
    }

    @Test
    void setPasswordRefusesAnUnknownEmailAndABadPassword() {
        createFirstAdmin();

        CliRun unknown = knot("a brand new password\n", "admin", "set-password", "nobody@example.com");
        CliRun tooShort = knot("short\n", "admin", "set-password", "alice@example.com");
        CliRun noInput = knot("", "admin", "set-password", "alice@example.com");

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(unknown.err()).isEqualTo("knot: no user has that email\n");
        assertThat(tooShort.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(noInput.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(noInput.err()).contains("no password on standard input");
        User alice = userIn(defaultStore(), "alice@example.com");
        assertThat(passwordMatches(defaultStore(), alice, "first password")).isTrue();
    }

    @Test
    void aStoreInUseIsRefusedWithTheStoresMessage() {
        createFirstAdmin();

        CliRun run = whileStoreIsOpen(defaultStore(),
                (users, hasher) -> knot("a brand new password\n", "admin", "set-password", "alice@example.com"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(run.err()).startsWith("knot: the embedded store at ").contains("is in use by another knot server");
        User alice = userIn(defaultStore(), "alice@example.com");
        assertThat(passwordMatches(defaultStore(), alice, "first password")).isTrue();
    }

    @Test
    void theStoreIsTheOneTheConfigurationNames() throws IOException {
        Files.writeString(working.resolve("custom.yml"),
                "server:\n  embedded:\n    enabled: true\n    path: elsewhere\n");

        CliRun run = knot("first password\n", "-c", "custom.yml", "admin", "create-user", "--username", "alice",
                "--email", "alice@example.com");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(userIn(working.resolve("elsewhere"), "alice@example.com").username()).isEqualTo("alice");
        assertThat(defaultStore()).doesNotExist();
    }

    @Test
    void aBadConfigurationChangesNothing() throws IOException {
        Files.writeString(working.resolve("knot.yml"), "server:\n  lsiten: 1\n");

        CliRun run = knot("first password\n", "admin", "create-user", "--username", "alice", "--email",
                "alice@example.com");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("nothing was changed", "server.lsiten: unknown key");
        assertThat(defaultStore()).doesNotExist();
    }

    @Test
    void adminAloneAndEachSubcommandHaveHelp() {
        assertThat(knot("", "admin").out()).contains("Usage: knot admin", "set-password", "create-user");
        assertThat(knot("", "admin", "set-password", "--help").out()).contains("Usage: knot admin set-password");
        assertThat(knot("", "admin", "create-user", "--help").out()).contains("--username", "--email", "--role");
    }

    private void createFirstAdmin() {
        CliRun run = knot("first password\n", "admin", "create-user", "--username", "alice", "--email",
                "alice@example.com");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** Runs `knot <arguments>` in process, with {@code standardInput} piped in as a script would. */
    private CliRun knot(String standardInput, String... arguments) {
        PasswordReader passwords =
                PasswordReader.forProcess(null, new ByteArrayInputStream(standardInput.getBytes(UTF_8)));
        return CliRun.execute(environment(), new KnotDirectStore(), passwords, arguments);
    }

    private ConfigEnvironment environment() {
        return new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host");
    }

    private Path defaultStore() {
        return working.resolve("knot-data");
    }

    private User userIn(Path store, String email) {
        return whileStoreIsOpen(store, (users, hasher) -> users.findByEmail(email).orElseThrow());
    }

    private Optional<User> storeFindsByUsername(String username) {
        return whileStoreIsOpen(defaultStore(), (users, hasher) -> users.findByUsername(username));
    }

    private boolean passwordMatches(Path store, User user, String password) {
        return whileStoreIsOpen(store, (users, hasher) -> hasher.verify(password, user.passwordHash()));
    }

    /** Opens the store with the adapters alone (not the code under test), runs {@code work}, closes it. */
    private static <T> T whileStoreIsOpen(Path store, BiFunction<UserRepository, PasswordHasher, T> work) {
        Injector injector = Guice.createInjector(
                binder -> binder.bind(Clock.class).toInstance(Instant::now),
                new EmbeddedStorageModule(new EmbeddedConfig(store)),
                new CryptoModule(PasswordHashingConfig.defaults()));
        List<ManagedService> services = List.copyOf(injector.getInstance(SERVICES));
        services.forEach(ManagedService::start);
        try {
            return work.apply(injector.getInstance(UserRepository.class), injector.getInstance(PasswordHasher.class));
        } finally {
            services.forEach(ManagedService::close);
        }
    }
}
