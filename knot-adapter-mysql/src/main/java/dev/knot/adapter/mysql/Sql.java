package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one place that borrows connections from the pool and turns {@link SQLException}s into KnotExceptions
 * (conventions §14): a broken unique index becomes ALREADY_EXISTS with the table's message, an unreachable database
 * STORE_UNAVAILABLE, anything else INTERNAL. Each repository has its own, for its own unique-index messages.
 */
final class Sql {
    /** InnoDB picks a victim when two transactions deadlock; running the victim again is the documented answer. */
    private static final int TRANSACTION_ATTEMPTS = 3;

    private final MysqlDatabase database;
    private final UniqueKeys uniqueKeys;

    Sql(MysqlDatabase database, UniqueKeys uniqueKeys) {
        this.database = requireNonNull(database, "database is null");
        this.uniqueKeys = requireNonNull(uniqueKeys, "uniqueKeys is null");
    }

    /** Runs {@code work} on one connection in autocommit mode: each statement commits by itself. */
    <R> R withConnection(SqlFunction<SqlConnection, R> work) {
        try (Connection connection = database.connection()) {
            return work.apply(new SqlConnection(connection));
        } catch (SQLException failure) {
            throw SqlFailures.translate(failure, uniqueKeys);
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed or none of it. An exception from {@code work},
     * KnotExceptions included, rolls back. A deadlock victim is run again, up to three times in all, so
     * {@code work} must not have effects outside the database.
     */
    <R> R inTransaction(SqlFunction<SqlConnection, R> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = database.connection()) {
                return inTransaction(connection, work);
            } catch (SQLException failure) {
                if (attempt >= TRANSACTION_ATTEMPTS || !SqlFailures.isRetryable(failure)) {
                    throw SqlFailures.translate(failure, uniqueKeys);
                }
            }
        }
    }

    <T> List<T> list(String sql, SqlFunction<ResultSet, T> rowMapper, Object... parameters) {
        return withConnection(connection -> connection.list(sql, rowMapper, parameters));
    }

    <T> Optional<T> optional(String sql, SqlFunction<ResultSet, T> rowMapper, Object... parameters) {
        return withConnection(connection -> connection.optional(sql, rowMapper, parameters));
    }

    int update(String sql, Object... parameters) {
        return withConnection(connection -> connection.update(sql, parameters));
    }

    /** Inserts or replaces a row by its primary key; see {@link SqlConnection#save}. */
    void save(String update, String insert, Object... parameters) {
        withConnection(connection -> {
            connection.save(update, insert, parameters);
            return null;
        });
    }

    private static <R> R inTransaction(Connection connection, SqlFunction<SqlConnection, R> work)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            R result = work.apply(new SqlConnection(connection));
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException failure) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }
}
