package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Session;

final class SessionCodec implements RecordCodec<Session> {
    @Override
    public String noun() {
        return "session";
    }

    @Override
    public ObjectNode write(Session session) {
        ObjectNode node = Json.object();
        node.put("session_id", session.id().value());
        node.put("secret_hash", session.secretHash());
        node.put("user_id", session.userId().value());
        node.put("ip", session.ip());
        node.put("user_agent", session.userAgent());
        node.put("created_at", session.createdAt().toString());
        node.put("expires_after", session.expiresAt().toString());
        return node;
    }

    @Override
    public Session read(StoredObject stored) {
        return new Session(stored.id("session_id"), stored.text("secret_hash"), stored.id("user_id"),
                stored.text("ip"), stored.text("user_agent"), stored.instant("created_at"),
                stored.instant("expires_after"));
    }
}
