package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type of the core: a categorised error with a message that is safe to show to the caller
 * (it never contains a secret). Technology failures are wrapped in it by the adapter that met them.
 */
public class KnotException extends RuntimeException {
    private final ErrorCode code;

    public KnotException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public KnotException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public static KnotException invalid(String message) {
        return new KnotException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static KnotException notFound(String message) {
        return new KnotException(ErrorCode.NOT_FOUND, message);
    }

    public static KnotException alreadyExists(String message) {
        return new KnotException(ErrorCode.ALREADY_EXISTS, message);
    }
}
