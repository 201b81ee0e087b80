package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Chronicle Map file holding the serialized records of one collection, written so that a {@code kill -9} at
 * any instant never loses or damages an acknowledged write.
 *
 * <p>Why the layout looks like this:
 * <ul>
 *   <li>A record is never overwritten in place. Each write stores a new <em>version</em> under new keys
 *       ({@code id/generation/part}) and only then removes the previous version. Chronicle Map drops an entry whose
 *       checksum fails during recovery, so an in-place overwrite cut short by a kill could lose the old value too.
 *   <li>Generations only grow (a counter per file, restarted above the highest one found at open), so a version
 *       is never written twice.
 *   <li>A version is split into parts of at most {@link #PART_SIZE} bytes, because Chronicle Map sizes entries up
 *       front and refuses one much larger than its average (a template's job may be 10 MB). Every part carries the
 *       part count, the total length and the CRC-32 of the whole record, so a version is used only if all its parts
 *       are present and agree.
 *   <li>A delete first writes a tombstone version, then removes the old parts, then the tombstone: a kill in
 *       between leaves the tombstone as the newest version, so the record cannot come back.
 * </ul>
 * At open, every id's newest complete version wins and everything else of that id (older versions, torn newer
 * ones, tombstones) is removed. A write the process never acknowledged may or may not survive; one it did always
 * does. Memory-mapped pages survive the death of the process (the kernel owns them), but not a power loss or an
 * OS crash before the kernel has written them back: nothing here calls fsync.
 *
 * <p>Not thread-safe: {@link RecordCollection} serialises writers and excludes readers while a write runs. After a
 * failed write the file refuses further writes until the store is reopened, since the in-memory view of what is on
 * disk can no longer be trusted; the next open rebuilds it from the file.
 */
final class RecordFile implements AutoCloseable {
    static final int PART_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RecordFile.class);
    private static final int MAGIC = 0x4b4e4f54;
    private static final int HEADER_SIZE = 16;
    private static final int TOMBSTONE_PART_COUNT = 0;
    private static final char KEY_SEPARATOR = '/';
    /** Chronicle writes a header length word at this offset; its top bit stays set until the creator has finished. */
    private static final int READINESS_WORD_OFFSET = 8;
    private static final int NOT_COMPLETE = 0x80000000;
    /** The copy a recovery works on, beside the file it will replace. */
    static final String RECOVERING_SUFFIX = ".recovering";

    private final Path path;
    private final ChronicleMap<String, byte[]> map;
    private final Map<String, Version> versions = new HashMap<>();
    private long nextGeneration;
    private boolean failed;

    private record Version(long generation, int partCount) {}

    private RecordFile(Path path, ChronicleMap<String, byte[]> map) {
        this.path = path;
        this.map = map;
    }

    /**
     * Opens or creates the file and finds every record's current version.
     *
     * @param recover whether the last process using the file may have died (no clean shutdown was recorded): then
     *     Chronicle's recovery resets the locks and structures it may have left half-changed
     */
    static RecordFile open(Path path, FileSizing sizing, boolean recover) {
        requireNonNull(path, "path is null");
        requireNonNull(sizing, "sizing is null");
        ChronicleMapBuilder<String, byte[]> builder = builder(path, sizing);
        ChronicleMap<String, byte[]> map;
        try {
            map = openMap(path, builder, recover);
        } catch (IOException | RuntimeException e) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store cannot open " + path + ": " + e.getMessage(), e);
        }
        RecordFile file = new RecordFile(path, map);
        try {
            file.load();
        } catch (RuntimeException e) {
            map.close();
            throw e;
        }
        return file;
    }

    /** How every file is laid out; reopening a file needs the same settings it was created with. */
    static ChronicleMapBuilder<String, byte[]> builder(Path path, FileSizing sizing) {
        return ChronicleMapBuilder.of(String.class, byte[].class)
                .name(path.getFileName().toString())
                .averageKeySize(60)
                .averageValueSize(sizing.averageValueSize())
                .entries(sizing.entries())
                .maxBloatFactor(sizing.maximumBloat());
    }

    private static ChronicleMap<String, byte[]> openMap(
            Path path, ChronicleMapBuilder<String, byte[]> builder, boolean recover) throws IOException {
        if (!Files.exists(path)) {
            return create(path, builder);
        }
        if (Files.size(path) < READINESS_WORD_OFFSET + Integer.BYTES) {
            // The creator died before the header was written, so no record was ever stored in it.
            LOG.warn("{} was left empty by a process that died while creating it; it holds no data and was"
                    + " recreated", path);
            Files.delete(path);
            return create(path, builder);
        }
        if (markReadyIfNot(path)) {
            // Opening it as it was would wait in Chronicle's waitUntilReady (recovery too) for a creator that no
            // longer exists; with the bit cleared, recovery rewrites the header from our settings instead.
            LOG.warn("{} was left half-created by a process that died; its header was rewritten and its entries"
                    + " recovered", path);
            return recoverThroughCopy(path, builder);
        }
        if (recover) {
            return recoverThroughCopy(path, builder);
        }
        return builder.createPersistedTo(path.toFile());
    }

    /**
     * Runs Chronicle's recovery on a copy of the file and puts the recovered copy in its place with one rename.
     * Recovery rewrites a file in place, and a process killed in the middle of it can leave entries that were intact
     * before unreachable for the next recovery: EmbeddedStoreCrashIT lost acknowledged users and templates whenever a
     * server was killed while recovering from the previous kill. With the copy, the file stays exactly as the dead
     * process left it until a recovery has finished, so every start after a crash recovers from the same bytes. The
     * copy keeps the file's permissions; a copy left by a kill is overwritten by the next recovery.
     */
    private static ChronicleMap<String, byte[]> recoverThroughCopy(
            Path path, ChronicleMapBuilder<String, byte[]> builder) throws IOException {
        Path copy = path.resolveSibling(path.getFileName() + RECOVERING_SUFFIX);
        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        builder.recoverPersistedTo(copy.toFile(), true).close();
        Files.move(copy, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return builder.createPersistedTo(path.toFile());
    }

    private static ChronicleMap<String, byte[]> create(Path path, ChronicleMapBuilder<String, byte[]> builder)
            throws IOException {
        // Chronicle would create the file readable by everyone; it lays out an existing empty file as a new map.
        PrivateFiles.createFileIfMissing(path);
        return builder.createPersistedTo(path.toFile());
    }

    /** Clears Chronicle's "creation not complete" bit if it is set. @return whether it was set */
    private static boolean markReadyIfNot(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(word, READINESS_WORD_OFFSET);
            int value = word.getInt(0);
            if ((value & NOT_COMPLETE) == 0) {
                return false;
            }
            word.putInt(0, value & ~NOT_COMPLETE);
            word.rewind();
            channel.write(word, READINESS_WORD_OFFSET);
            return true;
        }
    }

    private void load() {
        Map<String, TreeMap<Long, List<String>>> keysById = new HashMap<>();
        int discarded = 0;
        for (String key : List.copyOf(map.keySet())) {
            ParsedKey parsed = ParsedKey.parse(key);
            if (parsed == null) {
                map.remove(key);
                discarded++;
                continue;
            }
            keysById.computeIfAbsent(parsed.id(), id -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(parsed.generation(), generation -> new ArrayList<>())
                    .add(key);
            nextGeneration = Math.max(nextGeneration, parsed.generation() + 1);
        }
        for (Map.Entry<String, TreeMap<Long, List<String>>> entry : keysById.entrySet()) {
            discarded += settle(entry.getKey(), entry.getValue());
        }
        if (discarded > 0) {
            LOG.warn("{}: removed {} entries of writes that were cut short or superseded", path, discarded);
        }
    }

    /** Keeps the newest complete version of one id and removes every other key of it. */
    private int settle(String id, TreeMap<Long, List<String>> keysByGenerationNewestFirst) {
        Version winner = null;
        List<String> obsolete = new ArrayList<>();
        for (Map.Entry<Long, List<String>> generation : keysByGenerationNewestFirst.entrySet()) {
            if (winner == null) {
                int partCount = completePartCount(id, generation.getKey(), generation.getValue());
                if (partCount >= 0) {
                    winner = new Version(generation.getKey(), partCount);
                    continue;
                }
            }
            obsolete.addAll(generation.getValue());
        }
        // Older versions go before a winning tombstone, so a kill here still leaves the record deleted.
        obsolete.forEach(map::remove);
        if (winner == null) {
            return obsolete.size();
        }
        if (winner.partCount() == TOMBSTONE_PART_COUNT) {
            map.remove(key(id, winner.generation(), 0));
            return obsolete.size() + 1;
        }
        versions.put(id, winner);
        return obsolete.size();
    }

    /** The part count of a complete, intact version, 0 for a tombstone, or -1 when it is torn. */
    private int completePartCount(String id, long generation, List<String> keys) {
        byte[] first = map.get(key(id, generation, 0));
        if (first == null || first.length < HEADER_SIZE) {
            return -1;
        }
        int partCount = ByteBuffer.wrap(first).getInt(Integer.BYTES);
        if (partCount == TOMBSTONE_PART_COUNT) {
            return keys.size() == 1 && header(first).isTombstone() ? TOMBSTONE_PART_COUNT : -1;
        }
        if (keys.size() != partCount) {
            return -1;
        }
        return assemble(id, new Version(generation, partCount)) != null ? partCount : -1;
    }

    Set<String> ids() {
        return versions.keySet();
    }

    boolean contains(String id) {
        return versions.containsKey(id);
    }

    /** The stored bytes of the record, or null when there is none. */
    byte[] read(String id) {
        Version version = versions.get(id);
        if (version == null) {
            return null;
        }
        byte[] payload;
        try {
            payload = assemble(id, version);
        } catch (RuntimeException e) {
            throw unavailable("read", e);
        }
        if (payload == null) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store found a damaged record in " + path + "; restart the server to recover it");
        }
        return payload;
    }

    /** Stores {@code payload} as the record's new version; acknowledged (and kill-safe) once it returns. */
    void write(String id, byte[] payload) {
        checkUsable();
        Version previous = versions.get(id);
        int partCount = Math.max(1, (payload.length + PART_SIZE - 1) / PART_SIZE);
        Version next = new Version(nextGeneration++, partCount);
        int crc = crc(payload);
        try {
            for (int part = 0; part < partCount; part++) {
                int from = part * PART_SIZE;
                int to = Math.min(payload.length, from + PART_SIZE);
                map.put(key(id, next.generation(), part), part(partCount, payload.length, crc, payload, from, to));
            }
            versions.put(id, next);
            if (previous != null) {
                removeParts(id, previous);
            }
        } catch (RuntimeException e) {
            failed = true;
            throw unavailable("write", e);
        }
    }

    /** @return whether the record existed */
    boolean remove(String id) {
        checkUsable();
        Version previous = versions.get(id);
        if (previous == null) {
            return false;
        }
        long tombstoneGeneration = nextGeneration++;
        try {
            map.put(key(id, tombstoneGeneration, 0), part(TOMBSTONE_PART_COUNT, 0, crc(new byte[0]), new byte[0], 0, 0));
            versions.remove(id);
            removeParts(id, previous);
            map.remove(key(id, tombstoneGeneration, 0));
        } catch (RuntimeException e) {
            failed = true;
            throw unavailable("delete", e);
        }
        return true;
    }

    private void removeParts(String id, Version version) {
        for (int part = 0; part < version.partCount(); part++) {
            map.remove(key(id, version.generation(), part));
        }
    }

    /** The record's bytes if every part is present and they agree with each other and the checksum, else null. */
    private byte[] assemble(String id, Version version) {
        byte[][] parts = new byte[version.partCount()][];
        Header expected = null;
        int length = 0;
        for (int index = 0; index < parts.length; index++) {
            byte[] part = map.get(key(id, version.generation(), index));
            if (part == null || part.length < HEADER_SIZE) {
                return null;
            }
            Header header = header(part);
            if (header.magic() != MAGIC || (expected != null && !expected.equals(header))) {
                return null;
            }
            expected = header;
            parts[index] = part;
            length += part.length - HEADER_SIZE;
        }
        if (expected == null || expected.partCount() != parts.length || expected.totalLength() != length) {
            return null;
        }
        byte[] payload = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, HEADER_SIZE, payload, offset, part.length - HEADER_SIZE);
            offset += part.length - HEADER_SIZE;
        }
        return crc(payload) == expected.crc() ? payload : null;
    }

    private record Header(int magic, int partCount, int totalLength, int crc) {
        boolean isTombstone() {
            return magic == MAGIC && partCount == TOMBSTONE_PART_COUNT && totalLength == 0;
        }
    }

    private static Header header(byte[] part) {
        ByteBuffer buffer = ByteBuffer.wrap(part);
        return new Header(buffer.getInt(0), buffer.getInt(4), buffer.getInt(8), buffer.getInt(12));
    }

    private static byte[] part(int partCount, int totalLength, int crc, byte[] payload, int from, int to) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + to - from);
        buffer.putInt(MAGIC).putInt(partCount).putInt(totalLength).putInt(crc);
        buffer.put(payload, from, to - from);
        return buffer.array();
    }

    private static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static String key(String id, long generation, int part) {
        return id + KEY_SEPARATOR + Long.toHexString(generation) + KEY_SEPARATOR + part;
    }

    private record ParsedKey(String id, long generation) {
        static ParsedKey parse(String key) {
            String[] fields = key.split(String.valueOf(KEY_SEPARATOR), -1);
            if (fields.length != 3 || fields[0].isEmpty()) {
                return null;
            }
            try {
                Integer.parseInt(fields[2]);
                return new ParsedKey(fields[0], Long.parseLong(fields[1], 16));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private void checkUsable() {
        if (failed) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store stopped writing to " + path + " after an earlier failure; restart the server");
        }
    }

    private KnotException unavailable(String operation, RuntimeException cause) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE,
                "the embedded store failed to " + operation + " a record in " + path + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        map.close();
    }
}
