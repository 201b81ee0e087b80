package dev.knot.adapter.embedded;

/**
 * Turns one record type into the store's binary format and back. The format of each type starts with a version
 * number written by {@link RecordCollection}, so a later format can still read records written by this one.
 *
 * @param <T> the record
 */
interface RecordCodec<T> {
    void write(T record, RecordWriter writer);

    T read(RecordReader reader);
}
