package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One atomic change of a record and its index entries, run by {@code record-write.lua}. The caller reads the
 * record, decides what the indexes must become, and hands over the value it read: the script refuses the write
 * if the record changed in between (optimistic concurrency), if a unique index entry it claims belongs to
 * another record, or if a set that must be empty is not.
 *
 * <p>KEYS: the record, then the claimed unique index keys, the released ones, the sets the id joins, the sets it
 * leaves, and the sets that must be empty. ARGV: expectation ("-" absent, "*" anything, else the SHA-1 of the
 * value read), the new value ("" deletes), the time to live in ms (0 = none), the id, and the size of each group
 * of keys.
 */
final class RecordWrite {
    private static final String MUST_BE_ABSENT = "-";
    private static final String ANYTHING = "*";
    private static final String DELETE = "";

    private final String recordKey;
    private final String id;
    private final String expectation;
    private final String value;
    private final Set<String> claims = new LinkedHashSet<>();
    private final Set<String> releases = new LinkedHashSet<>();
    private final Set<String> additions = new LinkedHashSet<>();
    private final Set<String> removals = new LinkedHashSet<>();
    private final Set<String> mustBeEmpty = new LinkedHashSet<>();
    private long timeToLiveMillis;

    private RecordWrite(String recordKey, String id, String expectation, String value) {
        this.recordKey = requireNonNull(recordKey, "recordKey is null");
        this.id = requireNonNull(id, "id is null");
        this.expectation = requireNonNull(expectation, "expectation is null");
        this.value = requireNonNull(value, "value is null");
    }

    /** Writes a new record; refused with {@link Result#ID_TAKEN} when the key exists. */
    static RecordWrite insert(String recordKey, String id, String value) {
        return new RecordWrite(recordKey, id, MUST_BE_ABSENT, nonEmpty(value));
    }

    /** Writes the record whatever is there: for records without unique indexes. */
    static RecordWrite overwrite(String recordKey, String id, String value) {
        return new RecordWrite(recordKey, id, ANYTHING, nonEmpty(value));
    }

    /**
     * Replaces the record only while it still holds {@code valueRead}, or is still absent when that is empty;
     * else {@link Result#CHANGED_MEANWHILE} (or {@link Result#ID_TAKEN}), and the caller reads again.
     */
    static RecordWrite replace(String recordKey, String id, Optional<String> valueRead, String value) {
        return new RecordWrite(recordKey, id, expectationOf(valueRead), nonEmpty(value));
    }

    /** Deletes the record only while it still holds {@code valueRead}. */
    static RecordWrite remove(String recordKey, String id, String valueRead) {
        return new RecordWrite(recordKey, id, sha1(valueRead), DELETE);
    }

    /** Deletes the record whatever it holds. */
    static RecordWrite removeAny(String recordKey, String id) {
        return new RecordWrite(recordKey, id, ANYTHING, DELETE);
    }

    /** Unique index keys that must hold this id afterwards (absent or already this id's beforehand). */
    RecordWrite claim(Collection<String> keys) {
        claims.addAll(keys);
        return this;
    }

    /** Unique index keys removed if they hold this id; keys also claimed are kept. */
    RecordWrite release(Collection<String> keys) {
        releases.addAll(keys);
        return this;
    }

    /** Sets the id joins. */
    RecordWrite addTo(Collection<String> setKeys) {
        additions.addAll(setKeys);
        return this;
    }

    /** Sets the id leaves; sets it also joins are kept. */
    RecordWrite removeFrom(Collection<String> setKeys) {
        removals.addAll(setKeys);
        return this;
    }

    /** A set that must be empty for the write to happen ({@link Result#SET_NOT_EMPTY} otherwise). */
    RecordWrite requireEmpty(String setKey) {
        mustBeEmpty.add(requireNonNull(setKey, "setKey is null"));
        return this;
    }

    /** The record, its claimed index keys and the sets it joins expire after {@code timeToLive}. */
    RecordWrite expireAfter(Duration timeToLive) {
        if (timeToLive.toMillis() <= 0) {
            throw new IllegalArgumentException("time to live must be at least 1 ms, got " + timeToLive);
        }
        this.timeToLiveMillis = timeToLive.toMillis();
        return this;
    }

    List<Object> keys() {
        List<Object> keys = new ArrayList<>();
        keys.add(recordKey);
        keys.addAll(claims);
        keys.addAll(releasesNotClaimed());
        keys.addAll(additions);
        keys.addAll(removalsNotAdded());
        keys.addAll(mustBeEmpty);
        return keys;
    }

    Object[] arguments() {
        return new Object[] {
            expectation, value, Long.toString(timeToLiveMillis), id, Integer.toString(claims.size()),
            Integer.toString(releasesNotClaimed().size()), Integer.toString(additions.size()),
            Integer.toString(removalsNotAdded().size()),
            Integer.toString(mustBeEmpty.size())
        };
    }

    /** Reads the script's answer. */
    Outcome outcome(long answer) {
        if (answer == 0 || answer == 1) {
            return new Outcome(Result.WRITTEN, answer == 1, null);
        }
        if (answer == -1) {
            return new Outcome(Result.ID_TAKEN, true, null);
        }
        if (answer == -2) {
            return new Outcome(Result.CHANGED_MEANWHILE, false, null);
        }
        if (answer == -3) {
            return new Outcome(Result.SET_NOT_EMPTY, false, null);
        }
        int claim = (int) (-answer - 100);
        if (claim < 0 || claim >= claims.size()) {
            throw new IllegalStateException("record-write.lua answered " + answer);
        }
        return new Outcome(Result.CLAIM_TAKEN, false, new ArrayList<>(claims).get(claim));
    }

    String recordKey() {
        return recordKey;
    }

    private List<String> releasesNotClaimed() {
        return releases.stream().filter(key -> !claims.contains(key)).toList();
    }

    private List<String> removalsNotAdded() {
        return removals.stream().filter(key -> !additions.contains(key)).toList();
    }

    private static String expectationOf(Optional<String> valueRead) {
        return valueRead.map(RecordWrite::sha1).orElse(MUST_BE_ABSENT);
    }

    private static String nonEmpty(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty value would delete the record");
        }
        return value;
    }

    private static String sha1(String value) {
        try {
            // SHA-1 only compares a value with itself (redis.sha1hex in the script); it guards nothing.
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-1", impossible);
        }
    }

    enum Result {
        WRITTEN,
        /** An insert found the record's key taken. */
        ID_TAKEN,
        /** The record no longer holds the value read: read again and retry. */
        CHANGED_MEANWHILE,
        /** A claimed unique index entry belongs to another record. */
        CLAIM_TAKEN,
        SET_NOT_EMPTY
    }

    /**
     * @param existedBefore whether the record existed when the script ran (meaningful for WRITTEN)
     * @param takenKey the claimed key that another record holds, for CLAIM_TAKEN
     */
    record Outcome(Result result, boolean existedBefore, String takenKey) {
        Outcome {
            requireNonNull(result, "result is null");
        }

        boolean written() {
            return result == Result.WRITTEN;
        }
    }
}
