package dev.knot.app.cli;

import dev.knot.app.config.LogLevel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** `knot`: the root command. Alone it prints help; its options apply to every subcommand. */
@Command(
        name = "knot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Self-hosted cloud development environments on Nomad.")
final class KnotCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            scope = ScopeType.INHERIT,
            paramLabel = "<file>",
            description = "Config file (env KNOT_CONFIG). Default: the first of ./knot.yml, ./.knot.yml, ./.knot.yaml, "
                    + "~/.knot.yml, ~/.knot.yaml that exists; `knot agent` reads only the file given here or in "
                    + "KNOT_CONFIG.")
    private Path configFile;

    @Option(
            names = "--log-level",
            scope = ScopeType.INHERIT,
            paramLabel = "<level>",
            description = "debug, info, warn or error (env KNOT_LOGLEVEL, config log.level; default info).")
    private LogLevel logLevel;

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    Optional<LogLevel> logLevel() {
        return Optional.ofNullable(logLevel);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
