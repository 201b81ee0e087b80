package dev.knot.ports.model;

/** The broad category of an error, which decides how an adapter reports it (Trino's ErrorType). */
public enum ErrorType {
    /** The caller asked for something invalid or not allowed; retrying the same request will fail again. */
    USER_ERROR,
    /** A dependency (store, Nomad, an agent) is unavailable; the same request may succeed later. */
    EXTERNAL,
    /** A fault in knot itself. */
    INTERNAL
}
