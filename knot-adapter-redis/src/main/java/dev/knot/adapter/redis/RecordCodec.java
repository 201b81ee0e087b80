package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;

/**
 * The JSON form of one kind of record.
 *
 * @param <T> the record
 */
interface RecordCodec<T> {
    /** What the record is called in errors, e.g. "user". */
    String noun();

    ObjectNode write(T record);

    /** Builds the record from its stored fields; the record's own validation runs. */
    T read(StoredObject stored);

    default String toJson(T record) {
        return Json.write(write(record));
    }

    /**
     * @throws KnotException INTERNAL when the stored text is not a valid record of this kind
     */
    default T fromJson(String json, String key) {
        String what = noun() + " at " + key;
        StoredObject stored = Json.read(json, what);
        try {
            return read(stored);
        } catch (KnotException invalid) {
            if (invalid.code() == ErrorCode.INVALID_ARGUMENT) {
                throw Json.unreadable(what, invalid.getMessage());
            }
            throw invalid;
        }
    }
}
