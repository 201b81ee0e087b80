package dev.knot.adapter.mysql;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Shell;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How knot's values are written to and read from columns. Times are DATETIME(6) holding UTC, passed as text
 * ("2025-03-14 15:09:26.535000"), so that neither the JVM's nor the server's time zone can shift them, and
 * because Connector/J takes MariaDB 10.x for MySQL 5.5 (its "5.5.5-" version prefix) and would drop the
 * fractional seconds of a LocalDateTime parameter.
 */
final class Columns {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Columns() {}

    /** The JDBC parameter for {@code value}: ids as their text, instants as UTC date-times to the microsecond. */
    static Object parameter(Object value) {
        if (value instanceof Instant instant) {
            return DATETIME.format(LocalDateTime.ofInstant(asStored(instant), ZoneOffset.UTC));
        }
        if (value instanceof Id<?> id) {
            return id.value();
        }
        return value;
    }

    /** The instant as a DATETIME(6) column gives it back: to the microsecond. */
    static Instant asStored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        if (value == null) {
            throw new SQLException("column " + column + " is NULL");
        }
        return value.toInstant(ZoneOffset.UTC);
    }

    /** The instant in {@code column}, or null when the column is NULL (a user who never logged in). */
    static Instant nullableInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static <T> Id<T> id(ResultSet row, String column) throws SQLException {
        return Id.of(row.getString(column));
    }

    /** The audit of a row with the four columns created_user_id, created_at, updated_user_id, updated_at. */
    static Audit audit(ResultSet row) throws SQLException {
        return new Audit(
                id(row, "created_user_id"),
                instant(row, "created_at"),
                id(row, "updated_user_id"),
                instant(row, "updated_at"));
    }

    static Shell shell(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return Shell.fromValue(value).orElseThrow(() -> corrupt("unknown shell " + value + " in " + column));
    }

    /** A value knot cannot have written: the row was changed by hand or by another program. */
    static KnotException corrupt(String message) {
        return new KnotException(ErrorCode.INTERNAL, "the MySQL database holds an unreadable value: " + message);
    }
}
