package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.Map;

/**
 * What to tell the caller when a write breaks one of a table's unique indexes, by index name (as the schema
 * names them, "PRIMARY" for the primary key).
 */
record UniqueKeys(Map<String, String> conflictMessages) {
    static final String PRIMARY = "PRIMARY";
    /** For statements that write no unique index a caller could clash on. */
    static final UniqueKeys NONE = new UniqueKeys(Map.of());

    UniqueKeys {
        conflictMessages = Map.copyOf(requireNonNull(conflictMessages, "conflictMessages is null"));
    }

    static UniqueKeys primaryKey(String conflictMessage) {
        return new UniqueKeys(Map.of(PRIMARY, conflictMessage));
    }

    KnotException conflict(String indexName) {
        String message = conflictMessages.get(indexName);
        return KnotException.alreadyExists(
                message != null ? message : "a record with this value already exists (" + indexName + ")");
    }
}
