package dev.knot.app.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `knot scaffold`: prints example config files, in the order server, client, agent, nomad. */
@Command(
        name = "scaffold",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print example configuration files. The flags can be combined.")
final class ScaffoldCommand implements Runnable {
    private final SecureRandom random;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", description = "knot.yml for `knot server`, with a new encryption key.")
    private boolean server;

    @Option(names = "--client", description = "knot.yml for the client commands.")
    private boolean client;

    @Option(names = "--agent", description = "knot.yml for `knot agent`.")
    private boolean agent;

    @Option(names = "--nomad", description = "A Nomad job running the knot server, with a new encryption key.")
    private boolean nomad;

    ScaffoldCommand(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void run() {
        List<Scaffolds> chosen = new ArrayList<>();
        if (server) {
            chosen.add(Scaffolds.SERVER);
        }
        if (client) {
            chosen.add(Scaffolds.CLIENT);
        }
        if (agent) {
            chosen.add(Scaffolds.AGENT);
        }
        if (nomad) {
            chosen.add(Scaffolds.NOMAD);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (chosen.isEmpty()) {
            spec.commandLine().usage(out);
            return;
        }
        for (Scaffolds scaffold : chosen) {
            out.println(scaffold.text(EncryptionKeys.newKey(random)));
        }
        out.flush();
    }
}
