package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements on one borrowed connection. Owns every PreparedStatement and ResultSet it opens; the connection
 * itself belongs to {@link Sql}. Parameters are converted by {@link Columns#parameter}.
 */
final class SqlConnection {
    private final Connection connection;

    SqlConnection(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Runs a query and hands its whole result to {@code reader}, for results that span several rows per record. */
    <T> T query(String sql, SqlFunction<ResultSet, T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return reader.apply(rows);
        }
    }

    /** One record per row, mapped by {@code rowMapper}. */
    <T> List<T> list(String sql, SqlFunction<ResultSet, T> rowMapper, Object... parameters) throws SQLException {
        return query(sql, rows -> {
            List<T> records = new ArrayList<>();
            while (rows.next()) {
                records.add(rowMapper.apply(rows));
            }
            return records;
        }, parameters);
    }

    /** The record of the only matching row, or empty; a query that should match at most one row by its key. */
    <T> Optional<T> optional(String sql, SqlFunction<ResultSet, T> rowMapper, Object... parameters)
            throws SQLException {
        List<T> records = list(sql, rowMapper, parameters);
        if (records.size() > 1) {
            throw new SQLException("expected at most one row, got " + records.size() + " from: " + sql);
        }
        return records.stream().findFirst();
    }

    /** @return the number of rows matched (the driver reports found rows, not only the changed ones) */
    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Inserts or replaces a row by its primary key. {@code update} and {@code insert} take the same parameters,
     * in the same order (the key last). Updating first keeps the common case to one statement; an insert that
     * loses a race to another insert of the same key becomes an update. Unlike INSERT … ON DUPLICATE KEY UPDATE,
     * a clash on another unique index is reported, not turned into an update of the other row.
     */
    void save(String update, String insert, Object... parameters) throws SQLException {
        if (update(update, parameters) > 0) {
            return;
        }
        try {
            update(insert, parameters);
        } catch (SQLException failure) {
            boolean lostInsertRace = SqlFailures.isDuplicateKey(failure)
                    && SqlFailures.duplicateKeyName(failure).filter(UniqueKeys.PRIMARY::equals).isPresent();
            if (!lostInsertRace) {
                throw failure;
            }
            update(update, parameters);
        }
    }

    /** Access to the connection itself, for the session-level work of migrations (locks, network timeout). */
    Connection connection() {
        return connection;
    }

    private PreparedStatement prepare(String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, Columns.parameter(parameters[index]));
            }
            return statement;
        } catch (SQLException | RuntimeException failure) {
            statement.close();
            throw failure;
        }
    }
}
