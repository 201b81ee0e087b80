package dev.knot.app.backup;

import dev.knot.ports.model.Token;

/** An API token as a backup line ("kind": "token"): only the hash of its secret, as stored. */
record TokenLine(
        String id, String secretHash, String suffix, String userId, String name, String createdAt, String expiresAt)
        implements RecordLine {
    static TokenLine of(Token token) {
        return new TokenLine(token.id().value(), token.secretHash(), token.suffix(), token.userId().value(),
                token.name(), LineValues.text(token.createdAt()), LineValues.text(token.expiresAt()));
    }

    @Override
    public Token toModel() {
        return new Token(LineValues.id("id", id), secretHash, suffix, LineValues.id("user_id", userId), name,
                LineValues.instant("created_at", createdAt), LineValues.instant("expires_at", expiresAt));
    }
}
