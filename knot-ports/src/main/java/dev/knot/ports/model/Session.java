package dev.knot.ports.model;


import java.time.Instant;

/**
 * A logged-in browser or CLI session. The cookie value is a secret that is never stored: only its hash, which
 * the session is found by. {@code id} is a separate public handle that lists and deletes use.
 */
public record Session(
        Id<Session> id, String secretHash, Id<User> userId, String ip, String userAgent, Instant createdAt,
        Instant expiresAt) {
    public Session {
        Checks.notNull("session_id", id);
        Checks.length("secret hash", secretHash, 1, 128);
        Checks.notNull("user_id", userId);
        Checks.length("ip", ip, 0, 255);
        Checks.length("user_agent", userAgent, 0, 1024);
        Checks.notNull("created_at", createdAt);
        Checks.notNull("expires_at", expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Session withExpiry(Instant newExpiry) {
        return new Session(id, secretHash, userId, ip, userAgent, createdAt, newExpiry);
    }

    @Override
    public String toString() {
        return "Session[id=" + id + ", user=" + userId + "]";
    }
}
