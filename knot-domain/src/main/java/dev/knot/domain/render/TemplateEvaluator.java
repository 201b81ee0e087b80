package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Walks the nodes over the data with Go text/template's meaning of truth, {@code and}, {@code or} and {@code eq}. */
final class TemplateEvaluator {
    /** What a variable that is absent here evaluates to: false in a condition, an error when printed or compared. */
    private enum Missing {
        VALUE
    }

    private final String sourceName;
    private final Map<String, Object> data;
    private final RenderedText output;

    TemplateEvaluator(String sourceName, Map<String, Object> data, RenderedText output) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.data = requireNonNull(data, "data is null");
        this.output = requireNonNull(output, "output is null");
    }

    void render(List<Node> nodes) {
        render(nodes, data);
    }

    private void render(List<Node> nodes, Object dot) {
        for (Node node : nodes) {
            if (node instanceof Node.Text text) {
                output.appendTemplate(text.text());
            } else if (node instanceof Node.Print print) {
                output.appendValue(printable(evaluate(print.expression(), dot), print.insertion()), print.insertion());
            } else if (node instanceof Node.If conditional) {
                render(chosenBranch(conditional, dot), dot);
            } else {
                renderRange((Node.Range) node, dot);
            }
        }
    }

    private List<Node> chosenBranch(Node.If conditional, Object dot) {
        for (Node.Branch branch : conditional.branches()) {
            if (isTrue(evaluate(branch.condition(), dot))) {
                return branch.body();
            }
        }
        return conditional.otherwise();
    }

    private void renderRange(Node.Range range, Object dot) {
        Object value = evaluate(range.list(), dot);
        if (value instanceof Missing) {
            render(range.otherwise(), dot);
            return;
        }
        if (!(value instanceof List<?> items)) {
            throw error(range.source().position(), "range over " + range.source().expression()
                    + ", which is not a list (a variable's text is never split into a list)");
        }
        if (items.isEmpty()) {
            render(range.otherwise(), dot);
            return;
        }
        for (Object item : items) {
            render(range.body(), item);
        }
    }

    private Object evaluate(Expression expression, Object dot) {
        if (expression instanceof Expression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof Expression.Field field) {
            return lookUp(field, dot);
        }
        return call((Expression.Call) expression, dot);
    }

    private Object lookUp(Expression.Field field, Object dot) {
        Object current = field.fromRoot() ? data : dot;
        for (String name : field.path()) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(name)) {
                return Missing.VALUE;
            }
            current = map.get(name);
        }
        return current;
    }

    private Object call(Expression.Call call, Object dot) {
        List<Expression> arguments = call.arguments();
        return switch (call.function()) {
            case NOT -> !isTrue(evaluate(arguments.get(0), dot));
            case AND -> firstOrLast(arguments, dot, false);
            case OR -> firstOrLast(arguments, dot, true);
            case EQ -> equalsAny(call, dot);
            case NE -> !isEqual(call, evaluate(arguments.get(0), dot), evaluate(arguments.get(1), dot));
        };
    }

    /**
     * Go's {@code and} returns the first false argument, else the last; {@code or} the first true one, else the last.
     * So {@code or .var.x "default"} gives a default. Later arguments are not evaluated.
     */
    private Object firstOrLast(List<Expression> arguments, Object dot, boolean wanted) {
        Object value = null;
        for (Expression argument : arguments) {
            value = evaluate(argument, dot);
            if (isTrue(value) == wanted) {
                return value;
            }
        }
        return value;
    }

    /** Go's {@code eq a b c}: whether a equals b or c. */
    private boolean equalsAny(Expression.Call call, Object dot) {
        Object first = evaluate(call.arguments().get(0), dot);
        for (Expression other : call.arguments().subList(1, call.arguments().size())) {
            if (isEqual(call, first, evaluate(other, dot))) {
                return true;
            }
        }
        return false;
    }

    private boolean isEqual(Expression.Call call, Object left, Object right) {
        if (left instanceof Missing || right instanceof Missing) {
            throw error(call.position(), call.function().word()
                    + " compares a variable that has no value on this server");
        }
        if (left instanceof BigDecimal leftNumber && right instanceof BigDecimal rightNumber) {
            return leftNumber.compareTo(rightNumber) == 0;
        }
        if (left instanceof List<?> || right instanceof List<?> || left.getClass() != right.getClass()) {
            throw error(call.position(), call.function().word() + " cannot compare " + kind(left) + " with "
                    + kind(right));
        }
        return left.equals(right);
    }

    /** Go's truth: false, 0, "" and empty lists are false, and so is a variable with no value here. */
    private static boolean isTrue(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String string) {
            return !string.isEmpty();
        }
        if (value instanceof BigDecimal number) {
            return number.signum() != 0;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return false;
    }

    private String printable(Object value, Insertion insertion) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?>) {
            throw error(insertion.position(), insertion.expression() + " is a list; use range to insert its items");
        }
        throw error(insertion.position(), insertion.expression()
                + " has no value on this server (a template variable defined only for another location?)");
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof BigDecimal ? "a number" : "a list";
    }

    private KnotException error(Position position, String problem) {
        return position.error(sourceName, problem);
    }
}
