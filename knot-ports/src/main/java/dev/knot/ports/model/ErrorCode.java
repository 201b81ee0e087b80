package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/** Every error knot reports, with its category. The HTTP adapter maps each one to a status in one place. */
public enum ErrorCode {
    INVALID_ARGUMENT(ErrorType.USER_ERROR),
    NOT_FOUND(ErrorType.USER_ERROR),
    ALREADY_EXISTS(ErrorType.USER_ERROR),
    /** The entity is in a state that forbids the operation (the original answers 423 Locked). */
    LOCKED(ErrorType.USER_ERROR),
    UNAUTHENTICATED(ErrorType.USER_ERROR),
    PERMISSION_DENIED(ErrorType.USER_ERROR),
    QUOTA_EXCEEDED(ErrorType.USER_ERROR),
    RATE_LIMITED(ErrorType.USER_ERROR),
    /** The durable store or cache cannot be reached. */
    STORE_UNAVAILABLE(ErrorType.EXTERNAL),
    /** The embedded store's directory is held by another running server. */
    STORE_IN_USE(ErrorType.EXTERNAL),
    SCHEDULER_UNAVAILABLE(ErrorType.EXTERNAL),
    /** A stored secret could not be decrypted: wrong key, or tampered or swapped ciphertext. */
    SECRET_UNREADABLE(ErrorType.INTERNAL),
    INTERNAL(ErrorType.INTERNAL);

    private final ErrorType type;

    ErrorCode(ErrorType type) {
        this.type = requireNonNull(type, "type is null");
    }

    public ErrorType type() {
        return type;
    }
}
