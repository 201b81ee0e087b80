package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ConfigEnvironment;
import dev.knot.client.ClientSettings;
import dev.knot.client.KnotApi;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `knot ping`: whether the server answers and accepts the token. */
@Command(
        name = "ping",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check that the server answers and accepts the API token, and print its version.")
final class PingCommand implements Callable<Integer> {
    private final ConfigEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    PingCommand(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            ClientSettings settings = ClientCommands.settings(spec, environment, client.flags());
            String version = new KnotApi(settings.knotServer()).ping(settings.token());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Server is healthy");
            out.println("Version: " + version);
            out.flush();
            return ExitCodes.OK;
        });
    }
}
