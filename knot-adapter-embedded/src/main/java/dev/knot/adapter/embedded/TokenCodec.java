package dev.knot.adapter.embedded;

import dev.knot.ports.model.Token;

/** Stores a {@link Token}: the hash of its secret, never the secret. */
final class TokenCodec implements RecordCodec<Token> {
    @Override
    public void write(Token token, RecordWriter writer) {
        writer.id(token.id())
                .string(token.secretHash())
                .string(token.suffix())
                .id(token.userId())
                .string(token.name())
                .instant(token.createdAt())
                .instant(token.expiresAt());
    }

    @Override
    public Token read(RecordReader reader) {
        return new Token(reader.id(), reader.string(), reader.string(), reader.id(), reader.string(), reader.instant(),
                reader.instant());
    }
}
