package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Token;

final class TokenCodec implements RecordCodec<Token> {
    @Override
    public String noun() {
        return "token";
    }

    @Override
    public ObjectNode write(Token token) {
        ObjectNode node = Json.object();
        node.put("token_id", token.id().value());
        node.put("secret_hash", token.secretHash());
        node.put("suffix", token.suffix());
        node.put("user_id", token.userId().value());
        node.put("name", token.name());
        node.put("created_at", token.createdAt().toString());
        node.put("expires_after", token.expiresAt().toString());
        return node;
    }

    @Override
    public Token read(StoredObject stored) {
        return new Token(stored.id("token_id"), stored.text("secret_hash"), stored.text("suffix"),
                stored.id("user_id"), stored.text("name"), stored.instant("created_at"),
                stored.instant("expires_after"));
    }
}
