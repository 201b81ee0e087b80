package dev.knot.app.cli;

import dev.knot.app.KnotVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `knot version`: the same as `knot --version`. */
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print the version.")
final class VersionCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(KnotVersion.get());
        spec.commandLine().getOut().flush();
    }
}
