package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Turns what went wrong talking to Nomad into the port's KnotExceptions, with messages an operator can act on.
 * Nomad's own text is passed on (shortened, on one line) because it is usually the only explanation; the token
 * is cut out of anything passed on, in case a proxy or Nomad ever echoes it.
 */
final class NomadFailures {
    private static final int MAXIMUM_TEXT_LENGTH = 500;
    private static final String REDACTED = "(redacted)";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Job.Validate's multi-error: "1 error occurred:\n\t* Task group … validation failed: …". */
    private static final Pattern VALIDATION_ERRORS = Pattern.compile("^\\d+ errors? occurred:.*", Pattern.DOTALL);
    /**
     * Nomad answers 500 to these although they reject what knot sent (nomad-api.md §2.3.2, §2.3.8): retrying the
     * same job or volume fails again, so they are INVALID_ARGUMENT, not an outage.
     */
    private static final List<String> REJECTIONS_SENT_AS_500 = List.of(
            "nonexistent namespace",
            "validation:",
            "no CSI plugin named",
            "does not support creating volumes");

    private final String address;
    private final String token;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    NomadFailures(NomadConfig config) {
        requireNonNull(config, "config is null");
        this.address = config.address().toString();
        this.token = config.token();
        this.connectTimeout = config.connectTimeout();
        this.readTimeout = config.readTimeout();
    }

    /** Nomad answered with an error status that the operation does not tolerate. */
    KnotException rejected(NomadOperation operation, String namespace, NomadRejection rejection) {
        int status = rejection.status();
        String text = oneLine(rejection.text());
        if (status == 400) {
            return new KnotException(ErrorCode.INVALID_ARGUMENT,
                    "Nomad rejected the " + operation.subject() + ": " + text);
        }
        if (status == 401 || status == 403) {
            return new KnotException(ErrorCode.PERMISSION_DENIED,
                    "the Nomad token lacks permission for " + operation.description() + " (namespace " + namespace
                            + ")" + (text.isEmpty() ? "" : ": " + text));
        }
        if (status >= 500 && operation.writesDefinition() && isRejectionSentAs500(rejection.text())) {
            return new KnotException(ErrorCode.INVALID_ARGUMENT,
                    "Nomad rejected the " + operation.subject() + ": " + text);
        }
        if (status >= 500) {
            return unavailable(status + (text.isEmpty() ? "" : " " + text), null);
        }
        // A 404 where none is expected, a 405: what answers is probably not Nomad's API (a proxy, a wrong port).
        return unavailable("unexpected answer " + status + " while " + operation.description()
                + (text.isEmpty() ? "" : ": " + text) + " (is " + address + " Nomad's HTTP API?)", null);
    }

    /** The request never got an answer: refused, timed out, dropped, or TLS failed. */
    KnotException unreachable(IOException failure) {
        return unavailable(reason(failure), failure);
    }

    /** Nomad answered 200 with something that is not the JSON it documents. */
    KnotException unreadable(NomadOperation operation, Exception failure) {
        return unavailable("unreadable answer while " + operation.description(), failure);
    }

    private KnotException unavailable(String reason, Throwable cause) {
        String message = "Nomad is unavailable at " + address + ": " + reason;
        return cause == null
                ? new KnotException(ErrorCode.SCHEDULER_UNAVAILABLE, message)
                : new KnotException(ErrorCode.SCHEDULER_UNAVAILABLE, message, cause);
    }

    private String reason(IOException failure) {
        if (failure instanceof ConnectTimeoutException) {
            return "no connection within " + seconds(connectTimeout);
        }
        if (failure instanceof SocketTimeoutException) {
            return "no answer within " + seconds(readTimeout);
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof NoHttpResponseException) {
            return "the connection closed without an answer";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host";
        }
        if (failure instanceof SSLException) {
            return "TLS failed: " + oneLine(String.valueOf(failure.getMessage()));
        }
        String detail = failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage());
        return failure.getClass().getSimpleName() + detail;
    }

    private static boolean isRejectionSentAs500(String text) {
        return VALIDATION_ERRORS.matcher(text.strip()).matches()
                || REJECTIONS_SENT_AS_500.stream().anyMatch(text::contains);
    }

    /** Nomad's text on one line, shortened, without the token. */
    String oneLine(String text) {
        String redacted = token.isEmpty() ? text : text.replace(token, REDACTED);
        String single = WHITESPACE.matcher(redacted).replaceAll(" ").strip();
        return single.length() <= MAXIMUM_TEXT_LENGTH ? single : single.substring(0, MAXIMUM_TEXT_LENGTH) + "…";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
