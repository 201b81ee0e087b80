package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.function.Function;

/**
 * A secondary lookup kept in memory beside a {@link RecordCollection}: rebuilt from the records at open and kept
 * in step with every write, so it can never disagree with what is on disk, whatever moment the process died at.
 *
 * @param keysOf the index keys of a record (normalised by the caller, e.g. lower-cased)
 * @param unique whether two records may share a key; a write that would break it fails with ALREADY_EXISTS
 * @param conflictMessage the message of that failure, safe to show to the caller
 * @param <T> the record
 */
record Index<T>(String name, Function<T, Set<String>> keysOf, boolean unique, String conflictMessage) {
    Index {
        requireNonNull(name, "name is null");
        requireNonNull(keysOf, "keysOf is null");
        requireNonNull(conflictMessage, "conflictMessage is null");
    }

    static <T> Index<T> unique(String name, Function<T, Set<String>> keysOf, String conflictMessage) {
        return new Index<>(name, keysOf, true, conflictMessage);
    }

    static <T> Index<T> shared(String name, Function<T, Set<String>> keysOf) {
        return new Index<>(name, keysOf, false, "");
    }
}
