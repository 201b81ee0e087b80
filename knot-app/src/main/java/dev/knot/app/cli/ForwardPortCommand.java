package dev.knot.app.cli;

import dev.knot.client.ClientSettings;
import dev.knot.client.ListenAddress;
import dev.knot.client.PortForwarder;
import dev.knot.client.TunnelTarget;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `knot forward port <listen> <space> <port>`: a local port that leads to a port of a space. */
@Command(
        name = "port",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Listen on a local address and forward each connection to a port of one of your spaces, until stopped"
                    + " (Ctrl-C) or the server refuses the token.",
            "A bare port (8080 or :8080) listens on 127.0.0.1 only, so only this machine can use the tunnel; give"
                    + " an address (0.0.0.0:8080, [::]:8080) to let others in. The original knot listened on every"
                    + " interface."
        })
final class ForwardPortCommand implements Callable<Integer> {
    @ParentCommand
    private ForwardCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions client;

    @Parameters(index = "0", paramLabel = "<listen>", description = "port, host:port or [v6]:port to listen on.")
    private String listen;

    @Parameters(index = "1", paramLabel = "<space>", description = "The space's name.")
    private String space;

    @Parameters(index = "2", paramLabel = "<port>", description = "The port in the space (1-65535).")
    private int port;

    @Override
    public Integer call() {
        return ClientCommands.run(spec, () -> {
            ClientSettings settings = ClientCommands.settings(spec, parent.environment(), client.flags());
            TunnelTarget target = TunnelTarget.port(space, port);
            try (PortForwarder forwarder = PortForwarder.start(settings.knotServer(), settings.token(), target,
                    ListenAddress.parse(listen), spec.commandLine().getErr())) {
                PrintWriter out = spec.commandLine().getOut();
                InetSocketAddress bound = forwarder.localAddress();
                out.println("Forwarding " + new ListenAddress(bound.getHostString(), bound.getPort()) + " to "
                        + target.description()
                        + "; Ctrl-C stops");
                out.flush();
                forwarder.awaitStop();
            }
            return ExitCodes.OK;
        });
    }
}
