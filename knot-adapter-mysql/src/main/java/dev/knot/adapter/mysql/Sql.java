package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
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
    private static final String GET_LOCK = "SELECT GET_LOCK(?, ?)";
    private static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";

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

    /**
     * Runs {@code work} in one transaction while holding the named lock {@code lockName} (GET_LOCK), which every
     * server on this database shares. The lock is released after the commit, so the next holder sees what this
     * one wrote: for a read, a decision and a write that must not interleave with another's (a quota check).
     *
     * @throws KnotException STORE_UNAVAILABLE when the lock stays taken for {@code waitSeconds}
     */
    <R> R inTransactionHoldingLock(String lockName, int waitSeconds, SqlFunction<SqlConnection, R> work) {
        try (Connection connection = database.connection()) {
            SqlConnection locking = new SqlConnection(connection);
            int acquired = locking.optional(GET_LOCK, row -> row.getInt(1), lockName, waitSeconds).orElse(0);
            if (acquired != 1) {
                throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                        "MySQL: the lock " + lockName + " stayed taken for " + waitSeconds + " s");
            }
            try {
                return inTransaction(connection, work);
            } finally {
                locking.optional(RELEASE_LOCK, row -> row.getInt(1), lockName);
            }
        } catch (SQLException failure) {
            throw SqlFailures.translate(failure, uniqueKeys);
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
