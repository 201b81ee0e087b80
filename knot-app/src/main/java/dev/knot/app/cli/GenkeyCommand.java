package dev.knot.app.cli;

import java.security.SecureRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `knot genkey`: prints a new key for server.encrypt. */
@Command(
        name = "genkey",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generate an encryption key for server.encrypt (32 characters of A-Z, a-z, 0-9).")
final class GenkeyCommand implements Runnable {
    private final SecureRandom random;

    @Spec
    private CommandSpec spec;

    GenkeyCommand(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void run() {
        spec.commandLine().getOut().printf("Encryption Key: %s%n%n", EncryptionKeys.newKey(random));
        spec.commandLine().getOut().flush();
    }
}
