package dev.knot.adapter.embedded;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Id;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/** Writes the fields of one record in the store's binary format; {@link RecordReader} reads them back in order. */
final class RecordWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    RecordWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        try {
            out.writeInt(utf8.length);
            out.write(utf8);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return this;
    }

    RecordWriter id(Id<?> id) {
        return string(id.value());
    }

    RecordWriter integer(int value) {
        try {
            out.writeInt(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return this;
    }

    RecordWriter longInteger(long value) {
        try {
            out.writeLong(value);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return this;
    }

    RecordWriter bool(boolean value) {
        return integer(value ? 1 : 0);
    }

    RecordWriter instant(Instant value) {
        return longInteger(value.getEpochSecond()).integer(value.getNano());
    }

    RecordWriter optionalInstant(Instant valueOrNull) {
        bool(valueOrNull != null);
        return valueOrNull == null ? this : instant(valueOrNull);
    }

    RecordWriter strings(Collection<String> values) {
        integer(values.size());
        values.forEach(this::string);
        return this;
    }

    RecordWriter ids(Collection<? extends Id<?>> values) {
        integer(values.size());
        values.forEach(this::id);
        return this;
    }

    RecordWriter audit(Audit audit) {
        return id(audit.createdBy()).instant(audit.createdAt()).id(audit.updatedBy()).instant(audit.updatedAt());
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
