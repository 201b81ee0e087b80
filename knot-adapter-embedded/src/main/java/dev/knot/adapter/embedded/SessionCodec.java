package dev.knot.adapter.embedded;

import dev.knot.ports.model.Session;

/** Stores a {@link Session}: the hash of its secret, never the secret. */
final class SessionCodec implements RecordCodec<Session> {
    @Override
    public void write(Session session, RecordWriter writer) {
        writer.id(session.id())
                .string(session.secretHash())
                .id(session.userId())
                .string(session.ip())
                .string(session.userAgent())
                .instant(session.createdAt())
                .instant(session.expiresAt());
    }

    @Override
    public Session read(RecordReader reader) {
        return new Session(reader.id(), reader.string(), reader.id(), reader.string(), reader.string(),
                reader.instant(), reader.instant());
    }
}
