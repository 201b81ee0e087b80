package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two servers on one embedded store: the second is refused and touches nothing. */
class StoreLockTest {
    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aStoreHeldByAnotherProcessRefusesToStartAndChangesNoFile() throws Exception {
        Path store = directory.resolve("store");
        Path stdout = directory.resolve("holder.out");
        Process holder = ChildJvm.start(LockHolderMain.class, stdout, directory.resolve("holder.err"), store.toString());
        try {
            awaitLine(holder, stdout, "locked");
            Map<Path, String> before = listing(store);

            EmbeddedStore second = new EmbeddedStore(store, TestStores.SYSTEM_CLOCK);
            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(KnotException.class,
                            error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_IN_USE))
                    .hasMessage("the embedded store at " + store.toAbsolutePath() + " is in use by another knot server"
                            + " (only one server may use an embedded store)");
            second.close();

            assertThat(listing(store)).isEqualTo(before).containsKey(store.resolve("users.cmap"));
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
        try (EmbeddedStore reopened = TestStores.open(store)) {
            assertThat(new ChronicleUserRepository(reopened).hasUsers()).isFalse();
        }
    }

    /** Waits, bounded, for the child to say {@code line}; fails at once if it dies first. */
    private static void awaitLine(Process child, Path stdout, String line) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertThat(child.isAlive()).as("the child JVM died before saying %s", line).isTrue();
            return Files.readAllLines(stdout).contains(line);
        });
    }

    /** Every file with its size and modification time. */
    private static Map<Path, String> listing(Path directory) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                files.put(path, Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis());
            }
        }
        return files;
    }
}
