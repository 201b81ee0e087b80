package dev.knot.adapter.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Runs in a child JVM: opens the store given as argument, says so on stdout, and holds it until stdin closes. */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] arguments) throws IOException {
        try (EmbeddedStore store = new EmbeddedStore(Path.of(arguments[0]), Instant::now)) {
            store.start();
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // Held until the parent closes our stdin or kills us.
            }
        }
    }
}
