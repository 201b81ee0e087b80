package dev.knot.adapter.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Runs in a child JVM: creates the store given as argument, closes it, and opens it again as after a crash (without
 * the clean-shutdown marker), so that both the creating and the recovering path of Chronicle run.
 */
public final class OpenTwiceMain {
    private OpenTwiceMain() {}

    public static void main(String[] arguments) throws IOException {
        Path directory = Path.of(arguments[0]);
        try (EmbeddedStore store = new EmbeddedStore(directory, Instant::now)) {
            store.start();
        }
        Files.delete(directory.resolve(EmbeddedStore.CLEAN_SHUTDOWN_FILE));
        try (EmbeddedStore store = new EmbeddedStore(directory, Instant::now)) {
            store.start();
        }
    }
}
