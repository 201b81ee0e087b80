package dev.knot.adapter.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;
import net.openhft.chronicle.map.ChronicleMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kill in the middle of a write or delete leaves behind, made by hand, and what the next open makes of it. */
class RecordFileTest {
    private static final FileSizing SIZING = new FileSizing(256, 1_000, 10);

    @TempDir
    Path directory;

    @Test
    void aNewerVersionWithAPartMissingIsDiscardedAndTheAcknowledgedOneKept() throws IOException {
        Path path = directory.resolve("records.cmap");
        byte[] large = new byte[RecordFile.PART_SIZE * 2 + 10];
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            file.write("a", "old".getBytes(UTF_8));
        }
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            // Parts 0 and 2 of a three-part version written, part 1 not: the writer died in between.
            raw.put("a/7/0", part(3, large.length, crc(large), new byte[RecordFile.PART_SIZE]));
            raw.put("a/7/2", part(3, large.length, crc(large), new byte[10]));
        }

        try (RecordFile file = RecordFile.open(path, SIZING, true)) {
            assertThat(file.read("a")).isEqualTo("old".getBytes(UTF_8));
            file.write("a", "new".getBytes(UTF_8));
        }
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            assertThat(file.read("a")).isEqualTo("new".getBytes(UTF_8));
        }
    }

    @Test
    void recoveryWorksOnACopyThatTakesTheFilesPlaceWithItsPermissions() throws IOException {
        Path path = directory.resolve("records.cmap");
        Path copy = directory.resolve("records.cmap" + RecordFile.RECOVERING_SUFFIX);
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            file.write("a", "kept".getBytes(UTF_8));
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        // What a kill during an earlier recovery leaves: a partial copy, which must not be taken for the file.
        Files.write(copy, new byte[] {1, 2, 3});

        try (RecordFile file = RecordFile.open(path, SIZING, true)) {
            assertThat(file.read("a")).isEqualTo("kept".getBytes(UTF_8));
            file.write("b", "after".getBytes(UTF_8));
        }

        assertThat(copy).doesNotExist();
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            assertThat(file.read("a")).isEqualTo("kept".getBytes(UTF_8));
            assertThat(file.read("b")).isEqualTo("after".getBytes(UTF_8));
        }
    }

    @Test
    void aCompleteNewerVersionWinsOverTheOldOneTheWriterHadNoTimeToRemove() throws IOException {
        Path path = directory.resolve("records.cmap");
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            file.write("a", "old".getBytes(UTF_8));
        }
        byte[] newer = "newer".getBytes(UTF_8);
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            raw.put("a/9/0", part(1, newer.length, crc(newer), newer));
        }

        try (RecordFile file = RecordFile.open(path, SIZING, true)) {
            assertThat(file.read("a")).isEqualTo(newer);
        }
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            assertThat(raw.keySet()).containsExactly("a/9/0");
        }
    }

    @Test
    void aDeleteCutShortAfterItsTombstoneStaysDeleted() throws IOException {
        Path path = directory.resolve("records.cmap");
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            file.write("a", "value".getBytes(UTF_8));
            file.write("b", "kept".getBytes(UTF_8));
        }
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            raw.put("a/20/0", part(0, 0, crc(new byte[0]), new byte[0]));
        }

        try (RecordFile file = RecordFile.open(path, SIZING, true)) {
            assertThat(file.ids()).containsExactly("b");
            assertThat(file.read("a")).isNull();
        }
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            assertThat(raw.keySet()).allMatch(key -> key.startsWith("b/"));
        }
    }

    @Test
    void aVersionWhosePartsDisagreeWithTheChecksumIsDiscarded() throws IOException {
        Path path = directory.resolve("records.cmap");
        try (RecordFile file = RecordFile.open(path, SIZING, false)) {
            file.write("a", "old".getBytes(UTF_8));
        }
        byte[] intended = "intended".getBytes(UTF_8);
        try (ChronicleMap<String, byte[]> raw = RecordFile.builder(path, SIZING).createPersistedTo(path.toFile())) {
            raw.put("a/30/0", part(1, intended.length, crc(intended), "garbled!".getBytes(UTF_8)));
        }

        try (RecordFile file = RecordFile.open(path, SIZING, true)) {
            assertThat(file.read("a")).isEqualTo("old".getBytes(UTF_8));
        }
    }

    private static byte[] part(int partCount, int totalLength, int crc, byte[] content) {
        return ByteBuffer.allocate(16 + content.length)
                .putInt(0x4b4e4f54).putInt(partCount).putInt(totalLength).putInt(crc).put(content).array();
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
