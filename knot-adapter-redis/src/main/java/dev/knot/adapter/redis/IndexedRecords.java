package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One collection of records of type {@code T} with its index entries: unique keys (email → user id) and sets
 * the record's id belongs to (a user's spaces). Every change goes through {@link RecordWrite}: the record is read,
 * the index changes are worked out from the old and new record, and the script applies them only if the record
 * is still as read, so that indexes never drift from their records under concurrent writers.
 *
 * @param <T> the record
 */
final class IndexedRecords<T> {
    /** Optimistic writes retry when another writer got in between; this many collisions in a row is pathological. */
    private static final int MAXIMUM_ATTEMPTS = 50;

    private final RedisOperations redis;
    private final KeyLayout keys;
    private final KeyLayout.Collection collection;
    private final RecordCodec<T> codec;
    private final Indexing<T> indexing;

    IndexedRecords(RedisOperations redis, KeyLayout keys, KeyLayout.Collection collection, RecordCodec<T> codec,
            Indexing<T> indexing) {
        this.redis = requireNonNull(redis, "redis is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.collection = requireNonNull(collection, "collection is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.indexing = requireNonNull(indexing, "indexing is null");
    }

    /** What a kind of record is found by, besides its id. */
    interface Indexing<T> {
        /** The id as it appears in the record's key, index values and set members. */
        String idOf(T record);

        /** Unique index keys that must hold this record's id and no other's. */
        Set<String> uniqueKeys(T record);

        /** Sets this record's id belongs to. */
        Set<String> sets(T record);

        /** How long the record and its index entries live in Redis; empty for ever. */
        Optional<Duration> timeToLive(T record);
    }

    String key(String id) {
        return keys.record(collection, Id.of(id));
    }

    Optional<T> find(String id) {
        String key = key(id);
        return redis.get(key).map(json -> codec.fromJson(json, key));
    }

    /** The record whose id the unique index entry {@code indexKey} holds. */
    Optional<T> findByUniqueKey(String indexKey) {
        return redis.get(indexKey).filter(Id::isValid).flatMap(this::find);
    }

    boolean isEmptySet(String setKey) {
        return redis.isEmptySet(setKey);
    }

    /** The records whose ids are in {@code setKey}; ids whose record is gone are left out. */
    List<T> findMembers(String setKey) {
        return read(List.copyOf(redis.members(setKey)));
    }

    /** Like {@link #findMembers}, also removing the ids whose record is gone (expired) from the set. */
    List<T> findMembersPruning(String setKey) {
        List<String> ids = List.copyOf(redis.members(setKey));
        List<T> found = read(ids);
        List<String> foundIds = found.stream().map(indexing::idOf).toList();
        redis.removeMembers(setKey, ids.stream().filter(id -> !foundIds.contains(id)).toList());
        return found;
    }

    /**
     * Writes a new record with its index entries, if its id and unique keys are free.
     *
     * @param mustBeEmpty a set that must be empty for the insert to happen, or null
     */
    RecordWrite.Outcome insert(T record, String mustBeEmpty) {
        String id = indexing.idOf(record);
        RecordWrite write = RecordWrite.insert(key(id), id, codec.toJson(record))
                .claim(indexing.uniqueKeys(record))
                .addTo(indexing.sets(record));
        indexing.timeToLive(record).ifPresent(write::expireAfter);
        if (mustBeEmpty != null) {
            write.requireEmpty(mustBeEmpty);
        }
        return redis.write(write);
    }

    /**
     * Replaces the record with the same id, moving its index entries.
     *
     * @return empty when there is no such record (nothing is written); else WRITTEN or CLAIM_TAKEN
     */
    Optional<RecordWrite.Outcome> replaceExisting(T record) {
        return replaceIf(record, current -> true);
    }

    /**
     * Replaces the record with the same id, moving its index entries, only if it exists and {@code condition}
     * holds for it as stored: a compare-and-set between every client of the Redis, since the script writes only
     * over the very value the condition was checked on.
     *
     * @return empty when there is no such record or the condition does not hold (nothing is written); else
     *     WRITTEN or CLAIM_TAKEN
     */
    Optional<RecordWrite.Outcome> replaceIf(T record, Predicate<T> condition) {
        String id = indexing.idOf(record);
        String key = key(id);
        for (int attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt++) {
            Optional<String> current = redis.get(key);
            if (current.isEmpty() || !condition.test(codec.fromJson(current.get(), key))) {
                return Optional.empty();
            }
            RecordWrite.Outcome outcome = redis.write(replacing(record, current));
            if (outcome.result() != RecordWrite.Result.CHANGED_MEANWHILE) {
                return Optional.of(outcome);
            }
        }
        throw contention(id);
    }

    /** Inserts the record or replaces the one with the same id, moving its index entries. */
    RecordWrite.Outcome save(T record) {
        String id = indexing.idOf(record);
        for (int attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt++) {
            Optional<String> current = redis.get(key(id));
            RecordWrite.Outcome outcome = redis.write(replacing(record, current));
            if (outcome.result() != RecordWrite.Result.CHANGED_MEANWHILE
                    && outcome.result() != RecordWrite.Result.ID_TAKEN) {
                return outcome;
            }
        }
        throw contention(id);
    }

    /**
     * Writes the record without reading it first: one round trip, for records that nothing indexes (agent
     * reports arrive every few seconds per space).
     */
    void overwrite(T record) {
        if (!indexing.uniqueKeys(record).isEmpty() || !indexing.sets(record).isEmpty()) {
            throw new IllegalStateException("an indexed " + codec.noun() + " must be saved with its old indexes known");
        }
        String id = indexing.idOf(record);
        RecordWrite write = RecordWrite.overwrite(key(id), id, codec.toJson(record));
        indexing.timeToLive(record).ifPresent(write::expireAfter);
        redis.write(write);
    }

    /** Deletes the record and its index entries. @return the record removed, or empty if there was none */
    Optional<T> delete(String id) {
        return deleteIf(id, record -> true);
    }

    /**
     * Deletes the record and its index entries if, as it is when deleted, it meets {@code condition}.
     *
     * @return the record removed, or empty if there was none or it did not meet the condition
     */
    Optional<T> deleteIf(String id, Predicate<T> condition) {
        String key = key(id);
        for (int attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt++) {
            Optional<String> current = redis.get(key);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            T old = codec.fromJson(current.get(), key);
            if (!condition.test(old)) {
                return Optional.empty();
            }
            RecordWrite write = RecordWrite.remove(key, id, current.get())
                    .release(indexing.uniqueKeys(old))
                    .removeFrom(indexing.sets(old));
            if (redis.write(write).written()) {
                return Optional.of(old);
            }
        }
        throw contention(id);
    }

    private RecordWrite replacing(T record, Optional<String> current) {
        String id = indexing.idOf(record);
        String key = key(id);
        RecordWrite write = RecordWrite.replace(key, id, current, codec.toJson(record))
                .claim(indexing.uniqueKeys(record))
                .addTo(indexing.sets(record));
        current.map(json -> codec.fromJson(json, key)).ifPresent(old -> write
                .release(indexing.uniqueKeys(old))
                .removeFrom(indexing.sets(old)));
        indexing.timeToLive(record).ifPresent(write::expireAfter);
        return write;
    }

    private List<T> read(List<String> ids) {
        List<String> recordKeys = ids.stream().filter(Id::isValid).map(this::key).toList();
        Map<String, String> values = redis.getAll(recordKeys);
        List<T> records = new ArrayList<>();
        values.forEach((key, json) -> records.add(codec.fromJson(json, key)));
        return records;
    }

    private KnotException contention(String id) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "Redis is unavailable: " + codec.noun() + " " + id
                + " kept changing under " + MAXIMUM_ATTEMPTS + " attempts to write it; try again");
    }
}
