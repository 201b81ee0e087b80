package dev.knot.app;

import dev.knot.app.cli.KnotCli;
import dev.knot.app.cli.PasswordReader;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.wiring.KnotDirectStore;
import dev.knot.app.wiring.KnotServerRunner;

/** The `knot` executable. The only place that ends the process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Chronicle phones home and prints banners unless told not to; these must be set before it loads.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        int exitCode = KnotCli.create(ConfigEnvironment.system(), new KnotServerRunner(), new KnotDirectStore(),
                PasswordReader.forProcess(System.console(), System.in)).execute(args);
        System.exit(exitCode);
    }
}
