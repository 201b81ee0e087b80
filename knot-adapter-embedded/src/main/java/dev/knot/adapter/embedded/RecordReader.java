package dev.knot.adapter.embedded;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Id;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads, in order, the fields a {@link RecordWriter} wrote. */
final class RecordReader {
    private final DataInputStream in;
    private final int length;

    RecordReader(byte[] bytes) {
        this.in = new DataInputStream(new ByteArrayInputStream(bytes));
        this.length = bytes.length;
    }

    String string() {
        int size = integer();
        if (size < 0 || size > length) {
            throw new IllegalStateException("a stored string claims " + size + " bytes in a record of " + length);
        }
        byte[] utf8 = new byte[size];
        try {
            in.readFully(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record ends early", e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    <T> Id<T> id() {
        return Id.of(string());
    }

    int integer() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record ends early", e);
        }
    }

    long longInteger() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record ends early", e);
        }
    }

    boolean bool() {
        return integer() != 0;
    }

    Instant instant() {
        long seconds = longInteger();
        return Instant.ofEpochSecond(seconds, integer());
    }

    Instant optionalInstant() {
        return bool() ? instant() : null;
    }

    List<String> strings() {
        int count = count();
        List<String> values = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            values.add(string());
        }
        return values;
    }

    <T> Set<Id<T>> ids() {
        int count = count();
        Set<Id<T>> values = new HashSet<>();
        for (int index = 0; index < count; index++) {
            values.add(id());
        }
        return values;
    }

    Audit audit() {
        return new Audit(id(), instant(), id(), instant());
    }

    /** A collection size, checked so that a damaged record cannot make us allocate gigabytes. */
    int count() {
        int count = integer();
        if (count < 0 || count > length) {
            throw new IllegalStateException("a stored collection claims " + count + " items in a record of " + length);
        }
        return count;
    }
}
