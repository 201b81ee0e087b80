package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What an action computes: a variable, a literal, or a call of one of the supported functions. */
sealed interface Expression {
    /**
     * A variable: {@code .space.name}, {@code $.var.x}, or {@code .} (the item inside range).
     *
     * @param fromRoot written with {@code $}, so it starts at the template's data even inside range
     * @param path the field names after the start; empty for {@code .}
     * @param text as written, for messages
     */
    record Field(boolean fromRoot, List<String> path, String text, Position position) implements Expression {
        public Field {
            path = List.copyOf(path);
            requireNonNull(text, "text is null");
            requireNonNull(position, "position is null");
        }
    }

    /** @param value a String, a Boolean or a BigDecimal */
    record Literal(Object value) implements Expression {
        public Literal {
            if (!(value instanceof String || value instanceof Boolean || value instanceof BigDecimal)) {
                throw new IllegalArgumentException("a literal is a string, a boolean or a number");
            }
        }
    }

    record Call(Function function, List<Expression> arguments, Position position) implements Expression {
        public Call {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(arguments);
            requireNonNull(position, "position is null");
        }
    }

    /** Go's built-in functions that knot templates use. */
    enum Function {
        EQ("eq", 2, Integer.MAX_VALUE),
        NE("ne", 2, 2),
        AND("and", 1, Integer.MAX_VALUE),
        OR("or", 1, Integer.MAX_VALUE),
        NOT("not", 1, 1);

        private final String word;
        private final int minimumArguments;
        private final int maximumArguments;

        Function(String word, int minimumArguments, int maximumArguments) {
            this.word = word;
            this.minimumArguments = minimumArguments;
            this.maximumArguments = maximumArguments;
        }

        String word() {
            return word;
        }

        boolean accepts(int argumentCount) {
            return argumentCount >= minimumArguments && argumentCount <= maximumArguments;
        }

        String arityDescription() {
            if (minimumArguments == maximumArguments) {
                return minimumArguments == 1 ? "exactly 1 argument" : "exactly " + minimumArguments + " arguments";
            }
            return minimumArguments == 1 ? "at least 1 argument" : "at least " + minimumArguments + " arguments";
        }

        static Optional<Function> named(String word) {
            for (Function function : values()) {
                if (function.word.equals(word)) {
                    return Optional.of(function);
                }
            }
            return Optional.empty();
        }
    }
}
