package dev.knot.adapter.mysql;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@link SQLException} means to knot: a broken unique index, a database out of reach, or a bug. */
final class SqlFailures {
    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    /**
     * Server errors that mean "not now" rather than "wrong request": too many connections, access denied, unknown
     * database, server shutting down, read-only (a replica during failover), query interrupted by a timeout.
     */
    private static final Set<Integer> UNAVAILABLE_ERRORS = Set.of(1040, 1045, 1049, 1053, 1290, 1836, 3024);
    /** MySQL 8 says "for key 'users.users_email_unique'", MariaDB "for key 'users_email_unique'". */
    private static final Pattern DUPLICATE_KEY_NAME = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");
    private static final int MAXIMUM_REASON_LENGTH = 200;

    private SqlFailures() {}

    static boolean isDuplicateKey(SQLException failure) {
        return failure.getErrorCode() == DUPLICATE_KEY;
    }

    /** The name of the unique index a duplicate-key failure broke, if the server said. */
    static Optional<String> duplicateKeyName(SQLException failure) {
        Matcher matcher = DUPLICATE_KEY_NAME.matcher(String.valueOf(failure.getMessage()));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Deadlocks and lock wait timeouts: InnoDB rolled the transaction back, and running it again may succeed. */
    static boolean isRetryable(SQLException failure) {
        return failure.getErrorCode() == DEADLOCK
                || failure.getErrorCode() == LOCK_WAIT_TIMEOUT
                || "40001".equals(failure.getSQLState());
    }

    static boolean isUnavailable(SQLException failure) {
        String state = failure.getSQLState();
        return failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLTimeoutException
                || (state != null && state.startsWith("08"))
                || UNAVAILABLE_ERRORS.contains(failure.getErrorCode())
                || isRetryable(failure);
    }

    /** The one KnotException {@code failure} becomes; the message names no credentials. */
    static KnotException translate(SQLException failure, UniqueKeys uniqueKeys) {
        if (isDuplicateKey(failure)) {
            return uniqueKeys.conflict(duplicateKeyName(failure).orElse(UniqueKeys.PRIMARY));
        }
        if (isUnavailable(failure)) {
            return unavailable(shortReason(failure), failure);
        }
        return new KnotException(ErrorCode.INTERNAL, "MySQL error " + failure.getErrorCode() + " ("
                + failure.getSQLState() + "): " + firstLine(failure.getMessage()), failure);
    }

    static KnotException unavailable(String reason, Throwable cause) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "the MySQL database is unavailable: " + reason, cause);
    }

    /**
     * The most specific thing that went wrong: the innermost cause's first line ("Connection refused", "Access
     * denied for user 'knot'@'10.0.0.2' (using password: YES)"), cut short. Neither the driver nor the pool puts
     * a password in a message, and the URL knot builds holds none.
     */
    static String shortReason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String reason = firstLine(innermost.getMessage());
        if (innermost instanceof UnknownHostException) {
            return "unknown host " + reason;
        }
        if (reason.isBlank()) {
            reason = firstLine(failure.getMessage());
        }
        return reason.isBlank() ? failure.getClass().getSimpleName() : reason;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAXIMUM_REASON_LENGTH ? line : line.substring(0, MAXIMUM_REASON_LENGTH) + "…";
    }
}
