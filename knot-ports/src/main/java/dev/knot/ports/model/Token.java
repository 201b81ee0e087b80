package dev.knot.ports.model;


import java.time.Instant;

/**
 * An API token. The secret itself is shown once at creation and never stored: only its hash, which is what a
 * bearer credential is looked up by, and a short suffix so a user can tell their tokens apart.
 */
public record Token(
        Id<Token> id, String secretHash, String suffix, Id<User> userId, String name, Instant createdAt,
        Instant expiresAt) {
    public Token {
        Checks.notNull("token_id", id);
        Checks.length("secret hash", secretHash, 1, 128);
        Checks.length("suffix", suffix, 0, 8);
        Checks.notNull("user_id", userId);
        Checks.length("name", name, 1, 255);
        Checks.notNull("created_at", createdAt);
        Checks.notNull("expires_at", expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Token withExpiry(Instant newExpiry) {
        return new Token(id, secretHash, suffix, userId, name, createdAt, newExpiry);
    }

    @Override
    public String toString() {
        return "Token[id=" + id + ", user=" + userId + ", name=" + name + "]";
    }
}
