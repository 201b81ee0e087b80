package dev.knot.ports.in;

/** Which users a listing returns (the original's {@code state} query parameter). */
public enum UserStateFilter {
    ALL,
    ACTIVE,
    INACTIVE
}
