package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The records of one type: stored in a {@link RecordFile}, found by id or through in-memory {@link Index}es.
 * Thread-safe: writers are serialised (so a uniqueness check and the write it guards are one step), readers run
 * together but never beside a writer.
 *
 * @param <T> the record
 */
final class RecordCollection<T> {
    private static final int FORMAT_VERSION = 1;

    private final String recordName;
    private final RecordFile file;
    private final RecordCodec<T> codec;
    private final Function<T, String> idOf;
    private final Map<Index<T>, IndexState> indexes = new LinkedHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Reads every record once to build the indexes, if there are any.
     *
     * @param recordName what a record is called in messages ("user", "space")
     */
    RecordCollection(
            String recordName, RecordFile file, RecordCodec<T> codec, Function<T, String> idOf, List<Index<T>> indexes) {
        this.recordName = requireNonNull(recordName, "recordName is null");
        this.file = requireNonNull(file, "file is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.idOf = requireNonNull(idOf, "idOf is null");
        indexes.forEach(index -> this.indexes.put(index, new IndexState()));
        for (String id : this.indexes.isEmpty() ? Set.<String>of() : file.ids()) {
            addToIndexes(id, decode(file.read(id)));
        }
    }

    Optional<T> find(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(file.read(id)).map(this::decode);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<T> findAll() {
        lock.readLock().lock();
        try {
            return readAll(file.ids());
        } finally {
            lock.readLock().unlock();
        }
    }

    List<T> findBy(Index<T> index, String key) {
        lock.readLock().lock();
        try {
            return readAll(state(index).ids(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isEmpty() {
        lock.readLock().lock();
        try {
            return file.ids().isEmpty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @throws KnotException ALREADY_EXISTS when the id or a unique key is taken */
    void insert(T record) {
        lock.writeLock().lock();
        try {
            String id = idOf.apply(record);
            if (file.contains(id)) {
                throw KnotException.alreadyExists("a " + recordName + " with id " + id + " already exists");
            }
            store(id, record);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Inserts the record only when the collection is empty; of concurrent callers at most one succeeds. */
    boolean insertIfEmpty(T record) {
        lock.writeLock().lock();
        try {
            if (!file.ids().isEmpty()) {
                return false;
            }
            store(idOf.apply(record), record);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @throws KnotException NOT_FOUND when there is no such record, ALREADY_EXISTS when a unique key is taken */
    void update(T record) {
        lock.writeLock().lock();
        try {
            String id = idOf.apply(record);
            if (!file.contains(id)) {
                throw KnotException.notFound("there is no " + recordName + " with id " + id);
            }
            store(id, record);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces the record with the same id only if it exists and {@code condition} holds for it as stored, checked
     * under the write lock: a compare-and-set between threads.
     *
     * @return whether it was replaced
     * @throws KnotException ALREADY_EXISTS when a unique key is taken; nothing is written then
     */
    boolean replaceIf(T record, Predicate<T> condition) {
        lock.writeLock().lock();
        try {
            String id = idOf.apply(record);
            byte[] stored = file.read(id);
            if (stored == null || !condition.test(decode(stored))) {
                return false;
            }
            store(id, record);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Inserts or replaces. @throws KnotException ALREADY_EXISTS when a unique key belongs to another record */
    void save(T record) {
        lock.writeLock().lock();
        try {
            store(idOf.apply(record), record);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the record if it exists and {@code condition} holds for it, checked under the write lock. */
    Optional<T> removeIf(String id, Predicate<T> condition) {
        lock.writeLock().lock();
        try {
            byte[] stored = file.read(id);
            if (stored == null) {
                return Optional.empty();
            }
            T record = decode(stored);
            if (!condition.test(record)) {
                return Optional.empty();
            }
            file.remove(id);
            indexes.values().forEach(state -> state.remove(id));
            return Optional.of(record);
        } finally {
            lock.writeLock().unlock();
        }
    }

    Optional<T> remove(String id) {
        return removeIf(id, record -> true);
    }

    /** Removes every record for which {@code condition} holds. @return how many were removed */
    int removeAll(Predicate<T> condition) {
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (String id : List.copyOf(file.ids())) {
                if (condition.test(decode(file.read(id)))) {
                    file.remove(id);
                    indexes.values().forEach(state -> state.remove(id));
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void store(String id, T record) {
        Map<Index<T>, Set<String>> keys = new HashMap<>();
        for (Map.Entry<Index<T>, IndexState> entry : indexes.entrySet()) {
            Index<T> index = entry.getKey();
            Set<String> recordKeys = index.keysOf().apply(record);
            if (index.unique() && entry.getValue().isTakenByOther(id, recordKeys)) {
                throw KnotException.alreadyExists(index.conflictMessage());
            }
            keys.put(index, recordKeys);
        }
        file.write(id, encode(record));
        indexes.forEach((index, state) -> state.replace(id, keys.get(index)));
    }

    private void addToIndexes(String id, T record) {
        indexes.forEach((index, state) -> state.replace(id, index.keysOf().apply(record)));
    }

    private List<T> readAll(Iterable<String> ids) {
        List<T> records = new ArrayList<>();
        for (String id : ids) {
            byte[] stored = file.read(id);
            if (stored != null) {
                records.add(decode(stored));
            }
        }
        return records;
    }

    private IndexState state(Index<T> index) {
        IndexState state = indexes.get(index);
        if (state == null) {
            throw new IllegalArgumentException("the " + recordName + " collection has no index " + index.name());
        }
        return state;
    }

    private byte[] encode(T record) {
        RecordWriter writer = new RecordWriter().integer(FORMAT_VERSION);
        codec.write(record, writer);
        return writer.toBytes();
    }

    private T decode(byte[] stored) {
        try {
            RecordReader reader = new RecordReader(stored);
            int version = reader.integer();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("unknown record format " + version);
            }
            return codec.read(reader);
        } catch (RuntimeException e) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store holds a " + recordName + " it cannot read: " + e.getMessage(), e);
        }
    }

    /** One index's keys, both ways, so that a record's old keys can be dropped without reading it again. */
    private static final class IndexState {
        private final Map<String, Set<String>> idsByKey = new HashMap<>();
        private final Map<String, Set<String>> keysById = new HashMap<>();

        Set<String> ids(String key) {
            return Set.copyOf(idsByKey.getOrDefault(key, Set.of()));
        }

        boolean isTakenByOther(String id, Set<String> keys) {
            for (String key : keys) {
                Set<String> owners = idsByKey.getOrDefault(key, Set.of());
                if (owners.size() > 1 || (owners.size() == 1 && !owners.contains(id))) {
                    return true;
                }
            }
            return false;
        }

        void replace(String id, Set<String> keys) {
            remove(id);
            keysById.put(id, Set.copyOf(keys));
            keys.forEach(key -> idsByKey.computeIfAbsent(key, any -> new HashSet<>()).add(id));
        }

        void remove(String id) {
            Set<String> previous = keysById.remove(id);
            if (previous == null) {
                return;
            }
            for (String key : previous) {
                Set<String> owners = idsByKey.get(key);
                owners.remove(id);
                if (owners.isEmpty()) {
                    idsByKey.remove(key);
                }
            }
        }
    }
}
