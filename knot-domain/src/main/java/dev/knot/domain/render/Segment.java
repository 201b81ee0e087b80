package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the lexer splits a template into: literal text, and actions between <code>${{</code> and <code>}}</code>. */
sealed interface Segment {
    record Text(String text) implements Segment {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * @param source the action's inside as written, trimmed, for messages
     * @param position where its <code>${{</code> starts
     */
    record Action(List<Token> tokens, String source, Position position) implements Segment {
        public Action {
            tokens = List.copyOf(tokens);
            requireNonNull(source, "source is null");
            requireNonNull(position, "position is null");
        }

        Token first() {
            return tokens.get(0);
        }
    }
}
