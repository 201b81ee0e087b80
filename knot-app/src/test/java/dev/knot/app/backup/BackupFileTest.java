package dev.knot.app.backup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.testkit.fake.FakeSecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFileTest {
    private static final Instant TAKEN_AT = Instant.parse("2025-06-01T12:00:00.123456Z");

    @TempDir
    Path directory;

    private final BackupFile file = new BackupFile();
    private final DurableRecords records = SampleRecords.create(new FakeSecretCipher());
    private final Backup backup = new Backup(new BackupHeader(BackupHeader.FORMAT_VERSION, "1.2.3", TAKEN_AT,
            records.counts(), new EncryptedValue("key-check-ciphertext")), records);

    @Test
    void whatIsWrittenReadsBackEqualEveryField() {
        Path target = directory.resolve("knot.backup");

        file.write(target, backup);

        assertThat(file.read(target)).isEqualTo(backup);
    }

    @Test
    void theFileIsJsonLinesWithTheDocumentedFieldNames() throws IOException {
        Path target = directory.resolve("knot.backup");
        file.write(target, backup);

        List<JsonNode> lines = jsonLines(target);

        assertThat(lines).hasSize(1 + records.total());
        assertThat(fieldNames(lines.get(0))).containsExactly("format", "format_version", "knot_version", "created_at",
                "counts", "key_check");
        assertThat(lines.get(0).get("format").asText()).isEqualTo("knot-backup");
        assertThat(lines.get(0).get("created_at").asText()).isEqualTo("2025-06-01T12:00:00.123456Z");
        assertThat(fieldNames(lines.get(0).get("counts"))).containsExactly("group", "user", "template",
                "template_var", "volume", "space", "token");
        assertThat(lines.get(0).get("counts").get("user").asInt()).isEqualTo(2);
        JsonNode user = lineOfKind(lines, "user");
        assertThat(fieldNames(user)).containsExactly("kind", "version", "record");
        assertThat(user.get("version").asInt()).isEqualTo(1);
        assertThat(fieldNames(user.get("record"))).containsExactly("id", "username", "email", "password_hash",
                "service_password", "ssh_public_key", "github_username", "roles", "groups", "active", "max_spaces",
                "max_disk_space", "preferred_shell", "timezone", "last_login_at", "created_at", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "group").get("record"))).containsExactly("id", "name", "created_by",
                "created_at", "updated_by", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "template").get("record"))).containsExactly("id", "name",
                "description", "job", "volumes", "groups", "created_by", "created_at", "updated_by", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "template_var").get("record"))).containsExactly("id", "name",
                "location", "protected", "value", "created_by", "created_at", "updated_by", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "volume").get("record"))).containsExactly("id", "name",
                "definition", "location", "active", "created_by", "created_at", "updated_by", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "space").get("record"))).containsExactly("id", "user_id",
                "template_id", "name", "alt_names", "agent_url", "shell", "location", "template_hash",
                "nomad_namespace", "nomad_job_id", "volume_data", "volume_sizes", "state", "state_message",
                "created_at", "updated_at");
        assertThat(fieldNames(lineOfKind(lines, "token").get("record"))).containsExactly("id", "secret_hash",
                "suffix", "user_id", "name", "created_at", "expires_at");
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
        Path target = directory.resolve("knot.backup");

        file.write(target, backup);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries).containsExactly(target);
        }
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path target = directory.resolve("knot.backup");
        Files.writeString(target, "an older backup, much longer than the new one ".repeat(10_000));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        file.write(target, backup);

        assertThat(file.read(target)).isEqualTo(backup);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void aDirectoryThatDoesNotExistIsReportedAndNothingIsCreated() {
        Path target = directory.resolve("missing").resolve("knot.backup");

        assertThatThrownBy(() -> file.write(target, backup))
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith("cannot write the backup " + target);
        assertThat(directory.resolve("missing")).doesNotExist();
    }

    @Test
    void aFileCutInsideALineIsRefusedNamingTheLine() throws IOException {
        Path target = written();
        byte[] whole = Files.readAllBytes(target);
        Files.write(target, Arrays.copyOf(whole, whole.length - 40));

        assertRefused(target, target + " line " + (1 + records.total()) + ": not valid JSON");
    }

    @Test
    void aFileCutAtALineEndIsRefusedByTheHeadersCounts() throws IOException {
        Path target = written();
        List<String> lines = Files.readAllLines(target, UTF_8);
        Files.write(target, lines.subList(0, lines.size() - 1), UTF_8);

        assertRefused(target, target + ": the header promises 1 API tokens but the file holds 0; it was cut short");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheLine() throws IOException {
        Path target = written();
        changeLine(target, 2, line -> line.replaceFirst("\"kind\":\"group\"", "\"kind\":\"robot\""));

        assertRefused(target, target + " line 2: unknown kind \"robot\"");
    }

    @Test
    void anUnknownVersionOfAKindIsRefusedNamingTheLine() throws IOException {
        Path target = written();
        changeLine(target, 3, line -> line.replaceFirst("\"version\":1", "\"version\":2"));

        assertRefused(target, target + " line 3: group version 2 is unknown to this knot (it reads version 1)");
    }

    @Test
    void aNewerFormatIsRefused() throws IOException {
        Path target = written();
        changeLine(target, 1, line -> line.replaceFirst("\"format_version\":1", "\"format_version\":7"));

        assertRefused(target, target + " line 1: the backup's format version 7 is newer than this knot reads (1)");
    }

    @Test
    void aRecordTheModelRefusesIsRefusedNamingTheLineAndField() throws IOException {
        Path target = written();
        int userLine = 1 + records.groups().size() + 1;
        changeLine(target, userLine, line -> line.replaceFirst("\"email\":\"[^\"]*\"", "\"email\":\"not-an-email\""));

        assertRefused(target, target + " line " + userLine + ": email: not a valid email address");
    }

    @Test
    void anUnknownOrMissingFieldIsRefused() throws IOException {
        Path extra = written();
        changeLine(extra, 2, line -> line.replaceFirst("\"name\":", "\"colour\":\"red\",\"name\":"));
        Path missing = directory.resolve("missing.backup");
        file.write(missing, backup);
        changeLine(missing, 2, line -> line.replaceFirst("\"name\":\"[^\"]*\",", ""));

        assertRefused(extra, extra + " line 2: ");
        assertThatThrownBy(() -> file.read(extra)).hasMessageContaining("colour");
        assertRefused(missing, missing + " line 2: ");
        assertThatThrownBy(() -> file.read(missing)).hasMessageContaining("name");
    }

    @Test
    void theSameIdTwiceIsRefused() throws IOException {
        Path target = written();
        List<String> lines = new ArrayList<>(Files.readAllLines(target, UTF_8));
        lines.set(3, lines.get(2));
        Files.write(target, lines, UTF_8);

        assertRefused(target, target + " line 4: a second group with the id of an earlier one");
    }

    @Test
    void otherFilesAreNotTakenForBackups() throws IOException {
        Path empty = Files.createFile(directory.resolve("empty"));
        Path other = Files.writeString(directory.resolve("other.json"), "{\"hello\":\"world\"}\n");
        Path binary = Files.write(directory.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});

        assertRefused(empty, empty + " is empty, not a knot backup");
        assertRefused(other, other + " line 1: this is not a knot backup");
        assertRefused(binary, binary + " line 1: not UTF-8 text");
        assertRefused(directory.resolve("absent"), "there is no file " + directory.resolve("absent"));
    }

    private Path written() {
        Path target = directory.resolve("knot.backup");
        file.write(target, backup);
        return target;
    }

    private void assertRefused(Path target, String message) {
        assertThatThrownBy(() -> file.read(target))
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith(message)
                .extracting(failure -> ((KnotException) failure).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    private static void changeLine(Path target, int number, UnaryOperator<String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(target, UTF_8));
        String changed = change.apply(lines.get(number - 1));
        assertThat(changed).as("the test's change must apply").isNotEqualTo(lines.get(number - 1));
        lines.set(number - 1, changed);
        Files.write(target, lines, UTF_8);
    }

    private static List<JsonNode> jsonLines(Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(target, UTF_8)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static JsonNode lineOfKind(List<JsonNode> lines, String kind) {
        return lines.stream().filter(line -> kind.equals(line.path("kind").asText())).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext();) {
            names.add(fields.next());
        }
        return names;
    }
}
