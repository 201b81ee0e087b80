package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

/**
 * One token inside a {@code ${{ … }}} action.
 *
 * @param text for {@link Kind#STRING} the decoded value; otherwise the token as written
 */
record Token(Kind kind, String text, Position position) {
    enum Kind {
        /** {@code .}, {@code $}, {@code .space.name}, {@code $.var.x}: written without spaces, so lexed as one. */
        FIELD_CHAIN,
        IDENTIFIER,
        STRING,
        NUMBER,
        OPEN_PARENTHESIS,
        CLOSE_PARENTHESIS
    }

    Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(position, "position is null");
    }

    boolean isIdentifier(String word) {
        return kind == Kind.IDENTIFIER && text.equals(word);
    }
}
