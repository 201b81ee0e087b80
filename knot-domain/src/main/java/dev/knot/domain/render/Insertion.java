package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

/**
 * An action that inserts a value into the output, kept so a refusal can name it.
 *
 * @param expression the action's text as written, e.g. {@code .var.image}
 */
record Insertion(String expression, Position position) {
    Insertion {
        requireNonNull(expression, "expression is null");
        requireNonNull(position, "position is null");
    }
}
