package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.app.config.ConfigEnvironment;
import dev.knot.client.ClientException;
import dev.knot.client.SshConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `knot ssh-config`: alone it prints help; its subcommands keep the knot block of ~/.ssh/config. */
@Command(
        name = "ssh-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {SshConfigUpdateCommand.class, SshConfigRemoveCommand.class},
        description = {
            "Keep a block of `Host knot.<space>` entries in ~/.ssh/config, so that `ssh knot.<space>` reaches your"
                    + " running spaces through `knot forward ssh`.",
            "The block lies between the lines #===KNOT-START=== and #===KNOT-END===; nothing else in the file is"
                    + " changed. The file gets mode 0600, a new ~/.ssh directory 0700."
        })
final class SshConfigCommand implements Runnable {
    private final ConfigEnvironment environment;

    @Spec
    private CommandSpec spec;

    SshConfigCommand(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ConfigEnvironment environment() {
        return environment;
    }

    SshConfigFile sshConfig() {
        return SshConfigFile.inHome(environment.homeDirectory().orElseThrow(() -> new ClientException(
                "no home directory is known, so ~/.ssh/config cannot be found; set HOME")));
    }
}
