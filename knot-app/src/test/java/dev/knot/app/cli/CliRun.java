package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.fail;

import dev.knot.app.backup.DurableStore;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.LoadedConfig;
import dev.knot.ports.in.UserUseCases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import picocli.CommandLine;

/** One execution of the `knot` command line, with its output captured. */
record CliRun(int exitCode, String out, String err) {
    private static final DirectStore NO_STORE = new DirectStore() {
        @Override
        public String withUsers(LoadedConfig config, Function<UserUseCases, String> task) {
            return fail("the store must not be opened");
        }

        @Override
        public String withDurableStore(LoadedConfig config, Function<DurableStore, String> task) {
            return fail("the store must not be opened");
        }
    };
    private static final PasswordReader NO_PASSWORD = () -> fail("no password must be read");

    static CliRun execute(ConfigEnvironment environment, ServerRunner runner, String... arguments) {
        return execute(environment, runner, NO_STORE, NO_PASSWORD, arguments);
    }

    static CliRun execute(
            ConfigEnvironment environment, DirectStore store, PasswordReader passwords, String... arguments) {
        return execute(environment, config -> fail("the server must not run"), store, passwords, arguments);
    }

    private static CliRun execute(ConfigEnvironment environment, ServerRunner runner, DirectStore store,
            PasswordReader passwords, String... arguments) {
        CommandLine commandLine = KnotCli.create(environment, runner, store, passwords);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
