package dev.knot.adapter.http;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.undertow.util.StatusCodes;

/**
 * What a failed request is answered with: a status and the body {@code {"error": message, "code": code}}. The
 * factories here are the failures of HTTP itself, which have no {@link dev.knot.ports.model.ErrorCode};
 * {@link ErrorMapper} builds the rest.
 */
record ErrorReply(int status, String code, String message) {
    ErrorReply {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(format("status must be an error (4xx or 5xx), got %s", status));
        }
    }

    static ErrorReply notFound() {
        return new ErrorReply(StatusCodes.NOT_FOUND, "NOT_FOUND", "not found");
    }

    static ErrorReply methodNotAllowed() {
        return new ErrorReply(StatusCodes.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "method not allowed");
    }

    static ErrorReply payloadTooLarge(long limit) {
        return new ErrorReply(
                StatusCodes.REQUEST_ENTITY_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                format("request body is larger than %s bytes", limit));
    }

    static ErrorReply unsupportedMediaType(String message) {
        return new ErrorReply(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", message);
    }

    /** The body, as JSON. {@code error} is the original knot's field; {@code code} is ours. */
    record Body(String error, String code) {}
}
