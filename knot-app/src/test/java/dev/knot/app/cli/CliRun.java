package dev.knot.app.cli;

import dev.knot.app.config.ConfigEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One execution of the `knot` command line, with its output captured. */
record CliRun(int exitCode, String out, String err) {
    static CliRun execute(ConfigEnvironment environment, ServerRunner runner, String... arguments) {
        CommandLine commandLine = KnotCli.create(environment, runner);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
