package dev.knot.app.backup;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.EncryptedValue;
import java.time.Instant;
import java.util.Map;

/**
 * The first line of a backup: what wrote it, when, how many records of each kind follow (so a file cut short is
 * noticed), and a value encrypted under the server's key, so a restore can tell before writing anything whether it
 * runs under the same key.
 */
public record BackupHeader(
        int formatVersion, String knotVersion, Instant createdAt, Map<RecordKind, Integer> counts,
        EncryptedValue keyCheck) {
    /** The format this release writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public BackupHeader {
        requireNonNull(knotVersion, "knotVersion is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(counts, "counts is null");
        requireNonNull(keyCheck, "keyCheck is null");
        counts = Map.copyOf(counts);
    }

    /** How many records of {@code kind} the file says it holds; 0 for a kind it does not mention. */
    public int count(RecordKind kind) {
        return counts.getOrDefault(kind, 0);
    }
}
