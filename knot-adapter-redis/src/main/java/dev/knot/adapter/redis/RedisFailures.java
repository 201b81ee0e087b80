package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.client.RedisTimeoutException;

/**
 * Turns what Redisson throws into the port's error: STORE_UNAVAILABLE "Redis is unavailable: <short reason>".
 * The reason is cut short and never holds the password, so it may be shown and logged.
 */
final class RedisFailures {
    /** An object dump Redisson appends to some messages: "java.util.concurrent.CompletableFuture@1f2e[…]…". */
    private static final Pattern OBJECT_DUMP =
            Pattern.compile("\\s*[a-z][\\w.]*\\.[A-Z]\\w*@[0-9a-f]+");

    private static final int MAXIMUM_REASON_LENGTH = 200;
    private static final String REDACTED = "(redacted)";
    /** "java.util.concurrent.ExecutionException: " and the like, repeated. */
    private static final Pattern CLASS_NAME_PREFIX =
            Pattern.compile("^(?:(?:[a-z_][A-Za-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*|$))+");

    private final String password;

    RedisFailures(String password) {
        this.password = requireNonNull(password, "password is null");
    }

    KnotException unavailable(Throwable failure) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "Redis is unavailable: " + reason(failure), failure);
    }

    KnotException unavailable(String reason) {
        return new KnotException(ErrorCode.STORE_UNAVAILABLE, "Redis is unavailable: " + redacted(reason));
    }

    /**
     * Redisson wraps failures in layers whose messages are only the inner class's name
     * ("java.util.concurrent.ExecutionException: org.redisson…"); the reason is the first plain message found.
     */
    private String reason(Throwable failure) {
        String reason = null;
        boolean timedOut = false;
        for (Throwable layer = failure; layer != null && reason == null; layer = next(layer)) {
            timedOut |= layer instanceof TimeoutException || layer instanceof RedisTimeoutException;
            String message = layer.getMessage() == null ? "" : CLASS_NAME_PREFIX.matcher(layer.getMessage().strip())
                    .replaceFirst("");
            if (!message.isBlank()) {
                reason = message;
            }
        }
        if (reason == null) {
            reason = timedOut ? "no answer in time" : failure.getClass().getSimpleName();
        }
        // Redact before cutting, so that a cut cannot leave part of the password behind.
        String firstLine = withoutInternals(redacted(reason.lines().findFirst().orElse("")));
        return firstLine.length() <= MAXIMUM_REASON_LENGTH
                ? firstLine
                : firstLine.substring(0, MAXIMUM_REASON_LENGTH) + "…";
    }

    /**
     * Redisson appends object dumps to some messages ("Unable to acquire connection! java.util.concurrent.
     * CompletableFuture@1f2e[Completed exceptionally…]Increase connection pool size…"): an operator needs the
     * sentence, not the dump.
     */
    private static String withoutInternals(String message) {
        Matcher dump = OBJECT_DUMP.matcher(message);
        return dump.find() ? message.substring(0, dump.start()).strip() : message;
    }

    private static Throwable next(Throwable layer) {
        return layer.getCause() == layer ? null : layer.getCause();
    }

    private String redacted(String text) {
        return password.isEmpty() ? text : text.replace(password, REDACTED);
    }
}
