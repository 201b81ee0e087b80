package dev.knot.app.cli;

import dev.knot.client.ClientSettings;
import dev.knot.client.KnotApi;
import dev.knot.client.SshConfigFile;
import dev.knot.client.SshHosts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot ssh-config update`: one entry per running space of yours that serves SSH. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write an entry for each of your running spaces that serves SSH, replacing the earlier block (with no such"
                    + " space, the block is removed).",
            "The entries run `knot forward ssh <space>`, which finds the server and token in ~/.knot.yml (or"
                    + " KNOT_SERVER, KNOT_TOKEN) and needs `knot` on the PATH."
        })
final class SshConfigUpdateCommand implements Callable<Integer> {
    @ParentCommand
    private SshConfigCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            ClientSettings settings = ClientCommands.settings(spec, parent.environment(), client.flags());
            List<String> spaces = new SshHosts(new KnotApi(settings.knotServer()), out)
                    .runningWithSsh(settings.token());
            SshConfigFile config = parent.sshConfig();
            boolean changed = config.update(spaces);
            if (spaces.isEmpty()) {
                out.println("No running space of yours serves SSH; " + config.path()
                        + (changed ? ": removed the knot block" : " has no knot block"));
            } else {
                out.println((changed ? "Updated " : "Up to date: ") + config.path() + ": "
                        + String.join(", ", spaces.stream().map(name -> "knot." + name).toList()));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
