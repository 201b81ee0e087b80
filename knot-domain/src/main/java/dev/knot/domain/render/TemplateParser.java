package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the node tree from the lexer's segments and checks every variable against the documented ones, so a
 * misspelt variable is reported when the template is saved rather than when a space starts.
 */
final class TemplateParser {
    private static final String VARIABLE_ROOT = "var";
    /** Go's other keywords and functions: named in the error so an author knows they are unsupported, not misspelt. */
    private static final Set<String> UNSUPPORTED = Set.of("with", "define", "template", "block", "break",
            "continue", "nil", "len", "index", "slice", "print", "printf", "println", "html", "js", "urlquery",
            "call", "lt", "le", "gt", "ge");

    /** What {@code .} is where an expression stands. */
    private enum Scope {
        DATA,
        RANGE_ITEM
    }

    private record Block(List<Node> nodes, Segment.Action terminator) {}

    private final String sourceName;
    private final Set<String> variableNames;
    private final List<Segment> segments;
    private final Set<String> usedVariables = new TreeSet<>();
    private int next;

    private TemplateParser(String sourceName, List<Segment> segments, Set<String> variableNames) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.segments = requireNonNull(segments, "segments is null");
        this.variableNames = Set.copyOf(requireNonNull(variableNames, "variableNames is null"));
    }

    /** The parsed nodes and the {@code .var} names they use. */
    record Result(List<Node> nodes, Set<String> usedVariables) {
        Result {
            nodes = List.copyOf(nodes);
            usedVariables = Set.copyOf(usedVariables);
        }
    }

    static Result parse(String sourceName, String source, Set<String> variableNames) {
        TemplateParser parser = new TemplateParser(sourceName, TemplateLexer.split(sourceName, source), variableNames);
        Block top = parser.parseBlock(Scope.DATA);
        if (top.terminator() != null) {
            Segment.Action stray = top.terminator();
            throw stray.position().error(sourceName,
                    "${{ " + stray.first().text() + " }} without a matching if or range");
        }
        return new Result(top.nodes(), parser.usedVariables);
    }

    /** Nodes up to the end of the template, or up to an {@code else} or {@code end}, which is returned. */
    private Block parseBlock(Scope scope) {
        List<Node> nodes = new ArrayList<>();
        while (next < segments.size()) {
            Segment segment = segments.get(next++);
            if (segment instanceof Segment.Text text) {
                nodes.add(new Node.Text(text.text()));
                continue;
            }
            Segment.Action action = (Segment.Action) segment;
            Token first = action.first();
            if (first.isIdentifier("else") || first.isIdentifier("end")) {
                return new Block(nodes, action);
            }
            if (first.isIdentifier("if")) {
                nodes.add(parseIf(action, scope));
            } else if (first.isIdentifier("range")) {
                nodes.add(parseRange(action, scope));
            } else {
                Insertion insertion = new Insertion(action.source(), action.position());
                nodes.add(new Node.Print(expression(action.tokens(), 0, scope), insertion));
            }
        }
        return new Block(nodes, null);
    }

    private Node parseIf(Segment.Action opening, Scope scope) {
        List<Node.Branch> branches = new ArrayList<>();
        Expression condition = condition(opening, 1, scope);
        while (true) {
            Block body = parseBlock(scope);
            branches.add(new Node.Branch(condition, body.nodes()));
            Segment.Action terminator = requireTerminator(body, opening);
            if (terminator.first().isIdentifier("end")) {
                requireAlone(terminator);
                return new Node.If(branches, List.of());
            }
            if (terminator.tokens().size() > 1 && terminator.tokens().get(1).isIdentifier("if")) {
                condition = condition(terminator, 2, scope);
                continue;
            }
            requireAlone(terminator);
            return new Node.If(branches, parseElse(opening, scope));
        }
    }

    private Node parseRange(Segment.Action opening, Scope scope) {
        Expression list = condition(opening, 1, scope);
        Block body = parseBlock(Scope.RANGE_ITEM);
        Segment.Action terminator = requireTerminator(body, opening);
        requireAlone(terminator);
        List<Node> otherwise = terminator.first().isIdentifier("else") ? parseElse(opening, scope) : List.of();
        String source = opening.source().substring("range".length()).strip();
        return new Node.Range(list, new Insertion(source, opening.position()), body.nodes(), otherwise);
    }

    private List<Node> parseElse(Segment.Action opening, Scope scope) {
        Block otherwise = parseBlock(scope);
        Segment.Action terminator = requireTerminator(otherwise, opening);
        if (!terminator.first().isIdentifier("end")) {
            throw terminator.position().error(sourceName,
                    "${{ else }} after ${{ else }}; the " + opening.first().text() + " at line "
                            + opening.position().line() + " needs ${{ end }}");
        }
        requireAlone(terminator);
        return otherwise.nodes();
    }

    private Expression condition(Segment.Action action, int start, Scope scope) {
        if (start >= action.tokens().size()) {
            Token keyword = action.tokens().get(start - 1);
            throw keyword.position().error(sourceName, keyword.text() + " needs a condition");
        }
        return expression(action.tokens(), start, scope);
    }

    private Segment.Action requireTerminator(Block block, Segment.Action opening) {
        if (block.terminator() == null) {
            throw opening.position().error(sourceName,
                    "missing ${{ end }} for this " + opening.first().text());
        }
        return block.terminator();
    }

    private void requireAlone(Segment.Action terminator) {
        if (terminator.tokens().size() > 1) {
            Token extra = terminator.tokens().get(1);
            throw extra.position().error(sourceName,
                    "unexpected " + extra.text() + " after " + terminator.first().text());
        }
    }

    /** An action's whole pipeline: one command, with nothing after it. */
    private Expression expression(List<Token> tokens, int start, Scope scope) {
        Cursor cursor = new Cursor(tokens, start);
        Expression expression = command(cursor, scope);
        if (cursor.hasNext()) {
            Token extra = cursor.peek();
            throw extra.position().error(sourceName, "unexpected " + describe(extra)
                    + "; only functions (eq, ne, and, or, not) take arguments");
        }
        return expression;
    }

    /** A function with its arguments, or a single operand; stops before a closing parenthesis. */
    private Expression command(Cursor cursor, Scope scope) {
        Token first = cursor.peek();
        Optional<Expression.Function> function = first.kind() == Token.Kind.IDENTIFIER
                ? Expression.Function.named(first.text())
                : Optional.empty();
        if (function.isEmpty()) {
            return operand(cursor, scope);
        }
        cursor.advance();
        List<Expression> arguments = new ArrayList<>();
        while (cursor.hasNext() && cursor.peek().kind() != Token.Kind.CLOSE_PARENTHESIS) {
            arguments.add(operand(cursor, scope));
        }
        if (!function.get().accepts(arguments.size())) {
            throw first.position().error(sourceName,
                    first.text() + " takes " + function.get().arityDescription() + ", got " + arguments.size());
        }
        return new Expression.Call(function.get(), arguments, first.position());
    }

    private Expression operand(Cursor cursor, Scope scope) {
        Token token = cursor.advance();
        return switch (token.kind()) {
            case FIELD_CHAIN -> field(token, scope);
            case STRING -> new Expression.Literal(token.text());
            case NUMBER -> new Expression.Literal(new BigDecimal(token.text()));
            case OPEN_PARENTHESIS -> parenthesised(cursor, token, scope);
            case CLOSE_PARENTHESIS -> throw token.position().error(sourceName, "unexpected )");
            case IDENTIFIER -> word(token);
        };
    }

    private Expression parenthesised(Cursor cursor, Token opening, Scope scope) {
        if (!cursor.hasNext() || cursor.peek().kind() == Token.Kind.CLOSE_PARENTHESIS) {
            throw opening.position().error(sourceName, "empty ( )");
        }
        Expression inner = command(cursor, scope);
        if (!cursor.hasNext()) {
            throw opening.position().error(sourceName, "unclosed (");
        }
        cursor.advance();
        return inner;
    }

    private Expression word(Token token) {
        String word = token.text();
        if (word.equals("true") || word.equals("false")) {
            return new Expression.Literal(Boolean.valueOf(word));
        }
        if (Expression.Function.named(word).isPresent()) {
            throw token.position().error(sourceName, "put " + word + " and its arguments in parentheses");
        }
        if (word.equals("if") || word.equals("range") || word.equals("else") || word.equals("end")) {
            throw token.position().error(sourceName, word + " must start its own ${{ }}");
        }
        if (UNSUPPORTED.contains(word)) {
            throw token.position().error(sourceName,
                    word + " is not supported; templates may use if, else, end, range, eq, ne, and, or, not");
        }
        throw token.position().error(sourceName, "unknown keyword or function " + word);
    }

    private Expression field(Token token, Scope scope) {
        String text = token.text();
        boolean fromRoot = text.startsWith("$");
        String chain = fromRoot ? text.substring(1) : text;
        List<String> path = chain.isEmpty() || chain.equals(".")
                ? List.of()
                : Arrays.asList(chain.substring(1).split("\\.", -1));
        Expression.Field field = new Expression.Field(fromRoot, path, text, token.position());
        if (!fromRoot && scope == Scope.RANGE_ITEM) {
            if (!path.isEmpty()) {
                throw unknownVariable(token, "inside range, . is the list item; write $" + text + " for the data");
            }
            return field;
        }
        if (path.isEmpty()) {
            throw token.position().error(sourceName,
                    text + " is all of the template's data, not a value; name a variable such as .space.name");
        }
        checkKnown(token, path);
        return field;
    }

    private void checkKnown(Token token, List<String> path) {
        String root = path.get(0);
        List<String> fields = RenderContext.FIELDS.get(root);
        boolean isVariable = root.equals(VARIABLE_ROOT);
        if (fields == null && !isVariable) {
            throw unknownVariable(token, "the variables are .space, .template, .user, .server, .nomad and .var");
        }
        if (path.size() == 1) {
            throw unknownVariable(token, isVariable
                    ? "name a template variable, e.g. .var.name"
                    : "name one of its fields: ." + root + "." + String.join(", ." + root + ".", fields));
        }
        if (path.size() > 2) {
            throw unknownVariable(token, "." + root + "." + path.get(1) + " has no fields");
        }
        String name = path.get(1);
        if (isVariable) {
            if (!variableNames.contains(name)) {
                throw unknownVariable(token, "no template variable is named " + name);
            }
            usedVariables.add(name);
        } else if (!fields.contains(name)) {
            throw unknownVariable(token, "." + root + " has ." + root + "." + String.join(", ." + root + ".", fields));
        }
    }

    private KnotException unknownVariable(Token token, String hint) {
        return token.position().error(sourceName, "unknown variable " + token.text() + " (" + hint + ")");
    }

    private static String describe(Token token) {
        return token.kind() == Token.Kind.STRING ? "string \"" + token.text() + "\"" : token.text();
    }

    /** Reads an action's tokens left to right. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int index;

        Cursor(List<Token> tokens, int start) {
            this.tokens = tokens;
            this.index = start;
        }

        boolean hasNext() {
            return index < tokens.size();
        }

        Token peek() {
            return tokens.get(index);
        }

        Token advance() {
            return tokens.get(index++);
        }
    }
}
