package dev.knot.adapter.mysql;

import java.sql.SQLException;

/**
 * A step of JDBC work that may throw {@link SQLException}; {@link Sql} runs it and turns the exception into a
 * KnotException, so no repository handles JDBC errors itself.
 *
 * @param <T> what the step is given (a connection, a result set)
 * @param <R> what it returns
 */
@FunctionalInterface
interface SqlFunction<T, R> {
    R apply(T input) throws SQLException;
}
