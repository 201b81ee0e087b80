package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How JDBC failures become KnotExceptions, with the messages MySQL 8 and MariaDB really send. */
class SqlFailuresTest {
    private static final UniqueKeys USERS = new UniqueKeys(Map.of(
            UniqueKeys.PRIMARY, "a user with this id already exists",
            "users_email_unique", "a user with this email already exists"));

    @Test
    void duplicateKeyNamesTheIndexOnMariaDbAndMysql8() {
        SQLException mariaDb = duplicate("Duplicate entry 'alice@example.com' for key 'users_email_unique'");
        SQLException mysql8 = duplicate("Duplicate entry 'alice@example.com' for key 'users.users_email_unique'");
        SQLException primary = duplicate("Duplicate entry '0192…' for key 'users.PRIMARY'");

        assertThat(SqlFailures.translate(mariaDb, USERS)).satisfies(error -> alreadyExists(error, "email"));
        assertThat(SqlFailures.translate(mysql8, USERS)).satisfies(error -> alreadyExists(error, "email"));
        assertThat(SqlFailures.translate(primary, USERS)).satisfies(error -> alreadyExists(error, "id"));
    }

    @Test
    void aPoolTimeoutIsUnavailableWithTheUnderlyingReason() {
        SQLException refused = new SQLException("Communications link failure", "08S01", 0,
                new ConnectException("Connection refused"));
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "knot-mysql - Connection is not available, request timed out after 5000ms", "08001", refused);

        KnotException error = SqlFailures.translate(timeout, USERS);

        assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(error.getMessage()).isEqualTo("the MySQL database is unavailable: Connection refused");
    }

    @Test
    void lostConnectionsAccessDeniedAndDeadlocksAreUnavailable() {
        assertThat(SqlFailures.isUnavailable(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(SqlFailures.isUnavailable(
                new SQLException("Access denied for user 'knot'@'10.0.0.2' (using password: YES)", "28000", 1045)))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(SqlFailures.isRetryable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
    }

    @Test
    void anyOtherFailureIsInternalAndWrappedOnce() {
        SQLException syntax = new SQLException("You have an error in your SQL syntax\nnear 'FORM'", "42000", 1064);

        KnotException error = SqlFailures.translate(syntax, USERS);

        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(error.getMessage()).isEqualTo("MySQL error 1064 (42000): You have an error in your SQL syntax");
        assertThat(error.getCause()).isSameAs(syntax);
    }

    private static SQLException duplicate(String message) {
        return new SQLIntegrityConstraintViolationException(message, "23000", 1062);
    }

    private static void alreadyExists(KnotException error, String field) {
        assertThat(error.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(error.getMessage()).isEqualTo("a user with this " + field + " already exists");
    }
}
