package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.ErrorType;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.RateLimitedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * The one place a failure becomes an HTTP answer. Domain errors keep their message; anything unexpected becomes a
 * bare 500 whose details go only to the log, under the request id the client also receives.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final String INTERNAL_MESSAGE = "internal error";

    private final JsonCodec json;

    ErrorMapper(JsonCodec json) {
        this.json = requireNonNull(json, "json is null");
    }

    /** Answers the failed request; logs what the operator needs, once. */
    void respond(HttpServerExchange exchange, Throwable failure) {
        ErrorReply reply = replyFor(exchange, failure);
        if (exchange.isResponseStarted()) {
            // Too late for an error status: cut the connection so the client sees a failure, not a short success.
            LOG.debug("request {} failed after its response started; closing the connection", RequestIds.of(exchange));
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        if (BrowserPageRequests.isPage(exchange)) {
            HtmlPage.send(exchange, reply.status(), StatusCodes.getReason(reply.status()),
                    HtmlPage.message(reply.message()));
            return;
        }
        json.send(exchange, reply.status(), new ErrorReply.Body(reply.message(), reply.code()));
    }

    private static ErrorReply replyFor(HttpServerExchange exchange, Throwable failure) {
        if (failure instanceof RejectedRequestException) {
            return ((RejectedRequestException) failure).reply();
        }
        if (failure instanceof KnotException) {
            return replyFor(exchange, (KnotException) failure);
        }
        if (causedByTooLargeBody(failure)) {
            // The unread rest of the body makes the connection unusable for another request.
            exchange.setPersistent(false);
            return ErrorReply.payloadTooLarge(exchange.getMaxEntitySize());
        }
        LOG.error(
                "request {} failed: {} {}",
                RequestIds.of(exchange),
                exchange.getRequestMethod(),
                exchange.getRequestPath(),
                failure);
        return new ErrorReply(StatusCodes.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL.name(), INTERNAL_MESSAGE);
    }

    private static ErrorReply replyFor(HttpServerExchange exchange, KnotException failure) {
        ErrorCode code = failure.code();
        String message = failure.getMessage();
        if (code.type() == ErrorType.INTERNAL) {
            LOG.error(
                    "request {} failed: {} {}: {}",
                    RequestIds.of(exchange),
                    exchange.getRequestMethod(),
                    exchange.getRequestPath(),
                    code,
                    failure);
            // The message names knot's internals; the operator finds it in the log by request id.
            message = INTERNAL_MESSAGE;
        } else if (code.type() == ErrorType.EXTERNAL) {
            LOG.warn(
                    "request {} failed: {} {}: {}: {}",
                    RequestIds.of(exchange),
                    exchange.getRequestMethod(),
                    exchange.getRequestPath(),
                    code,
                    message,
                    failure.getCause());
        }
        if (failure instanceof RateLimitedException) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, retryAfterSeconds((RateLimitedException) failure));
        }
        return new ErrorReply(status(code), code.name(), message);
    }

    /** Whole seconds, rounded up, and at least one: a client told "0" would retry at once and fail again. */
    static long retryAfterSeconds(RateLimitedException failure) {
        long millis = failure.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * The status of each error code, kept to the original knot's where it has one: it answers 400, not 409, for
     * a duplicate name. A switch expression without a default, so a new code does not compile until it has a status.
     */
    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, ALREADY_EXISTS -> StatusCodes.BAD_REQUEST;
            case NOT_FOUND -> StatusCodes.NOT_FOUND;
            case LOCKED -> StatusCodes.LOCKED;
            case UNAUTHENTICATED -> StatusCodes.UNAUTHORIZED;
            case PERMISSION_DENIED -> StatusCodes.FORBIDDEN;
            case QUOTA_EXCEEDED -> StatusCodes.INSUFFICIENT_STORAGE;
            case RATE_LIMITED -> StatusCodes.TOO_MANY_REQUESTS;
            case STORE_UNAVAILABLE, STORE_IN_USE, SCHEDULER_UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE;
            case SECRET_UNREADABLE, INTERNAL -> StatusCodes.INTERNAL_SERVER_ERROR;
        };
    }

    private static boolean causedByTooLargeBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooBigException) {
                return true;
            }
        }
        return false;
    }
}
