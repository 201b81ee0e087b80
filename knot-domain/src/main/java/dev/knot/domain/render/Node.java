package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The parsed template: text, insertions and the control structures around them. */
sealed interface Node {
    record Text(String text) implements Node {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    record Print(Expression expression, Insertion insertion) implements Node {
        public Print {
            requireNonNull(expression, "expression is null");
            requireNonNull(insertion, "insertion is null");
        }
    }

    /** {@code if} with its {@code else if}s as further branches; {@code otherwise} is the {@code else} (maybe empty). */
    record If(List<Branch> branches, List<Node> otherwise) implements Node {
        public If {
            branches = List.copyOf(branches);
            otherwise = List.copyOf(otherwise);
        }
    }

    record Branch(Expression condition, List<Node> body) {
        public Branch {
            requireNonNull(condition, "condition is null");
            body = List.copyOf(body);
        }
    }

    /** {@code range}: the body once per item with {@code .} set to it; {@code otherwise} when there are none. */
    record Range(Expression list, Insertion source, List<Node> body, List<Node> otherwise) implements Node {
        public Range {
            requireNonNull(list, "list is null");
            requireNonNull(source, "source is null");
            body = List.copyOf(body);
            otherwise = List.copyOf(otherwise);
        }
    }
}
