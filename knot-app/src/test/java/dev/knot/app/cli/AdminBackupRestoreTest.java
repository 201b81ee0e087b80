package dev.knot.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.app.backup.DurableRecords;
import dev.knot.app.backup.SampleRecords;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.wiring.KnotDirectStore;
import dev.knot.domain.crypto.AesGcmSecretCipher;
import dev.knot.ports.model.Template;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `knot admin backup` and `restore` in process, between real embedded stores in a temporary directory. */
class AdminBackupRestoreTest {
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";

    @TempDir
    Path working;

    private DurableRecords records;

    @BeforeEach
    void sourceStoreWithRecords() throws IOException {
        records = SampleRecords.create(new AesGcmSecretCipher(KEY));
        EmbeddedStoreAccess.fill(working.resolve("source"), KEY, records);
        writeConfig("source.yml", "source", Optional.of(KEY));
        writeConfig("target.yml", "target", Optional.of(KEY));
    }

    @Test
    void aBackupRestoredIntoAnotherStoreGivesTheSameRecords() throws IOException {
        CliRun backup = knot("-c", "source.yml", "admin", "backup", "knot.backup");
        CliRun restore = knot("-c", "target.yml", "admin", "restore", "knot.backup");

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backed up 12 records to " + working.resolve("knot.backup"),
                "users: 2, ", "API tokens: 1", "keep it private", "the same server.encrypt key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(working.resolve("knot.backup"))))
                .isEqualTo("rw-------");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored 12 records from " + working.resolve("knot.backup"),
                "groups: 2, users: 2, templates: 2, template variables: 2, volumes: 1, spaces: 2, API tokens: 1",
                "everyone logs in again");
        SampleRecords.assertSameRecords(EmbeddedStoreAccess.records(working.resolve("target"), KEY), records);
    }

    @Test
    void aStoreThatIsNotEmptyIsRefused() {
        knot("-c", "source.yml", "admin", "backup", "knot.backup");

        CliRun restore = knot("-c", "source.yml", "admin", "restore", "knot.backup");

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(restore.err()).startsWith("knot: the store is not empty (groups: 2, users: 2, templates: 1,")
                .contains("nothing was written");
        SampleRecords.assertSameRecords(EmbeddedStoreAccess.records(working.resolve("source"), KEY), records);
    }

    @Test
    void aDamagedFileIsRefusedBeforeTheStoreIsOpened() throws IOException {
        knot("-c", "source.yml", "admin", "backup", "knot.backup");
        Path backup = working.resolve("knot.backup");
        List<String> lines = new ArrayList<>(Files.readAllLines(backup, UTF_8));
        lines.set(5, lines.get(5).substring(0, lines.get(5).length() / 2));
        Files.write(backup, lines, UTF_8);

        CliRun restore = knot("-c", "target.yml", "admin", "restore", "knot.backup");

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(restore.err()).startsWith("knot: " + backup + " line 6: not valid JSON");
        assertThat(working.resolve("target")).doesNotExist();
    }

    @Test
    void aStoreUnderAnotherKeyIsRefusedAndSaysWhichKeyIsNeeded() throws IOException {
        writeConfig("other-key.yml", "target", Optional.empty());
        knot("-c", "source.yml", "admin", "backup", "knot.backup");

        CliRun restore = knot("-c", "other-key.yml", "admin", "restore", "knot.backup");

        assertThat(restore.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(restore.err()).contains("another server.encrypt key", "server.key", "nothing was written");
        DurableRecords target = EmbeddedStoreAccess.records(working.resolve("target"), KEY);
        assertThat(target.total()).isEqualTo(1);
        assertThat(target.templates()).extracting(Template::isManual).containsExactly(true);
    }

    @Test
    void aStoreInUseIsRefusedWithTheStoresMessageAndNoFileIsWritten() {
        CliRun backup = EmbeddedStoreAccess.withStore(working.resolve("source"), KEY,
                store -> knot("-c", "source.yml", "admin", "backup", "knot.backup"));

        assertThat(backup.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(backup.err()).startsWith("knot: the embedded store at ").contains("in use by another knot server");
        assertThat(working.resolve("knot.backup")).doesNotExist();
    }

    @Test
    void bothCommandsHaveHelp() {
        assertThat(knot("admin").out()).contains("backup", "restore");
        assertThat(knot("admin", "backup", "--help").out()).contains("Usage: knot admin backup", "<file>",
                "server.encrypt");
        assertThat(knot("admin", "restore", "--help").out()).contains("Usage: knot admin restore", "empty");
    }

    private void writeConfig(String name, String storeDirectory, Optional<String> key) throws IOException {
        String encrypt = key.map(value -> "  encrypt: " + value + "\n").orElse("");
        Files.writeString(working.resolve(name), "server:\n" + encrypt + "  embedded:\n    enabled: true\n"
                + "    path: " + storeDirectory + "\n");
    }

    private CliRun knot(String... arguments) {
        PasswordReader passwords = PasswordReader.forProcess(null, new ByteArrayInputStream(new byte[0]));
        return CliRun.execute(new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host"),
                new KnotDirectStore(), passwords, arguments);
    }
}
