package dev.knot.app.cli;

import dev.knot.client.ClientSettings;
import dev.knot.client.StreamForwarder;
import dev.knot.client.TunnelTarget;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot forward ssh <space>`: the space's SSH server on standard input and output, for ssh's ProxyCommand. */
@Command(
        name = "ssh",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Connect standard input and output to the SSH server of one of your spaces; made to be ssh's"
                    + " ProxyCommand:",
            "  ssh -o ProxyCommand='knot forward ssh %h' <user>@<space>",
            "It ends when either side closes."
        })
final class ForwardSshCommand implements Callable<Integer> {
    @ParentCommand
    private ForwardCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Parameters(paramLabel = "<space>", description = "The space's name.")
    private String space;

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            ClientSettings settings = ClientCommands.settings(spec, parent.environment(), client.flags());
            // The raw byte streams of the process: the tunnel carries bytes, not the text picocli's writers take.
            new StreamForwarder(settings.knotServer(), settings.token()).run(TunnelTarget.ssh(space),
                    new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
            return ExitCodes.OK;
        });
    }
}
