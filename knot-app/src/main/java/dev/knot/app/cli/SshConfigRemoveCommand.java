package dev.knot.app.cli;

import dev.knot.client.SshConfigFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot ssh-config remove`: takes the knot block out. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Remove the knot block from ~/.ssh/config; the rest of the file is kept as it is.")
final class SshConfigRemoveCommand implements Callable<Integer> {
    @ParentCommand
    private SshConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            SshConfigFile config = parent.sshConfig();
            PrintWriter out = spec.commandLine().getOut();
            out.println(config.remove()
                    ? "Removed the knot block from " + config.path()
                    : config.path() + " has no knot block; nothing changed");
            out.flush();
            return ExitCodes.OK;
        });
    }
}
