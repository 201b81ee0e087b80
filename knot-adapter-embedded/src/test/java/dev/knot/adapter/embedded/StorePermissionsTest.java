package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The store's files hold password, token and session hashes: only the user running knot may read them. */
class StorePermissionsTest {
    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final List<String> STORE_FILES = List.of("store.lock", "clean-shutdown", "users.cmap",
            "groups.cmap", "templates.cmap", "template-vars.cmap", "spaces.cmap", "volumes.cmap", "tokens.cmap",
            "sessions.cmap", "agent-states.cmap");

    @TempDir
    Path parent;

    private final Logger storeLogger = (Logger) LoggerFactory.getLogger(EmbeddedStore.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureTheStoreLog() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX file permissions");
        log.start();
        storeLogger.addAppender(log);
    }

    @AfterEach
    void releaseTheStoreLog() {
        storeLogger.detachAppender(log);
    }

    @Test
    void aDirectoryTheStoreCreatesAndEveryFileInItAreTheOwnersOnly() throws IOException {
        Path directory = parent.resolve("data").resolve("knot");

        try (EmbeddedStore store = TestStores.open(directory)) {
            assertThat(permissions(directory)).isEqualTo("rwx------");
            assertThat(permissions(parent.resolve("data"))).isEqualTo("rwx------");
            assertThat(permissionsOfFilesIn(directory)).containsOnlyKeys(without("clean-shutdown"))
                    .allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo(OWNER_ONLY_FILE));
        }

        assertThat(permissionsOfFilesIn(directory)).containsOnlyKeys(STORE_FILES)
                .allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo(OWNER_ONLY_FILE));
        assertThat(warnings()).isEmpty();
    }

    @Test
    void filesAnEarlierReleaseLeftReadableAreTightenedAndTheOperatorsDirectoryOnlyWarnedAbout() throws IOException {
        Path directory = Files.createDirectory(parent.resolve("knot-data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestStores.open(directory).close();
        for (String name : STORE_FILES) {
            Files.setPosixFilePermissions(directory.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        // knot-app's key, written next to the store's files: not the store's to change.
        Path serverKey = Files.writeString(directory.resolve("server.key"), "key");
        Files.setPosixFilePermissions(serverKey, PosixFilePermissions.fromString("rw-r-----"));
        log.list.clear();

        TestStores.open(directory).close();

        assertThat(permissionsOfFilesIn(directory)).containsOnlyKeys(with("server.key"))
                .allSatisfy((name, permissions) -> assertThat(permissions).as(name)
                        .isEqualTo(name.equals("server.key") ? "rw-r-----" : OWNER_ONLY_FILE));
        assertThat(permissions(directory)).isEqualTo("rwxr-xr-x");
        assertThat(warnings()).singleElement().asString()
                .contains(directory.toString(), "rwxr-xr-x", "other users", "chmod 700");
    }

    @Test
    void aDirectoryOnlyOthersCanTraverseIsNotWarnedAbout() throws IOException {
        Path directory = Files.createDirectory(parent.resolve("knot-data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));

        TestStores.open(directory).close();

        assertThat(warnings()).isEmpty();
        assertThat(permissions(directory)).isEqualTo("rwx--x--x");
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static List<String> without(String name) {
        return STORE_FILES.stream().filter(file -> !file.equals(name)).toList();
    }

    private static List<String> with(String name) {
        return Stream.concat(STORE_FILES.stream(), Stream.of(name)).toList();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Map<String, String> permissionsOfFilesIn(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), permissions(path));
            }
        }
        return files;
    }
}
