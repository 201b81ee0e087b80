package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text and actions, the way Go's text/template lexer does with the delimiters
 * <code>${{</code> and <code>}}</code>: trim markers (<code>${{- </code> and <code> -}}</code>) remove the
 * whitespace next to the action, and <code>${{/* … *&#47;}}</code> is a comment.
 */
final class TemplateLexer {
    private static final String OPEN = "${{";
    private static final String CLOSE = "}}";

    private final String sourceName;
    private final String source;
    private final List<Integer> lineStarts = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private int offset;
    private boolean trimNextText;
    /** Where the action being lexed opened, for "unclosed" messages. */
    private int actionStart;

    private TemplateLexer(String sourceName, String source) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.source = requireNonNull(source, "source is null");
        lineStarts.add(0);
        for (int index = 0; index < source.length(); index++) {
            if (source.charAt(index) == '\n') {
                lineStarts.add(index + 1);
            }
        }
    }

    static List<Segment> split(String sourceName, String source) {
        TemplateLexer lexer = new TemplateLexer(sourceName, source);
        lexer.run();
        return List.copyOf(lexer.segments);
    }

    private void run() {
        while (offset < source.length()) {
            int open = source.indexOf(OPEN, offset);
            String text = source.substring(offset, open < 0 ? source.length() : open);
            if (trimNextText) {
                text = stripLeadingWhitespace(text);
                trimNextText = false;
            }
            if (open < 0) {
                addText(text);
                return;
            }
            int inside = open + OPEN.length();
            if (isTrimMarker(inside)) {
                text = stripTrailingWhitespace(text);
                inside += 2;
            }
            addText(text);
            offset = inside;
            if (source.startsWith("/*", skipWhitespace(inside))) {
                skipComment(open);
            } else {
                lexAction(open);
            }
        }
    }

    private void addText(String text) {
        if (!text.isEmpty()) {
            segments.add(new Segment.Text(text));
        }
    }

    /** Go's left trim marker is a hyphen followed by whitespace; {@code ${{-3}}} is the number -3. */
    private boolean isTrimMarker(int index) {
        return index + 1 < source.length() && source.charAt(index) == '-' && isWhitespace(source.charAt(index + 1));
    }

    private void skipComment(int open) {
        int end = source.indexOf("*/", skipWhitespace(offset) + 2);
        if (end < 0) {
            throw positionOf(open).error(sourceName, "unclosed comment: */ expected");
        }
        offset = end + 2;
        if (!closeAction()) {
            throw positionOf(offset).error(sourceName, "a comment must end with */}}");
        }
    }

    private void lexAction(int open) {
        actionStart = open;
        int start = offset;
        List<Token> tokens = new ArrayList<>();
        while (true) {
            int beforeWhitespace = offset;
            offset = skipWhitespace(offset);
            if (offset >= source.length()) {
                throw positionOf(open).error(sourceName, "unclosed ${{: no }} before the end of the template");
            }
            boolean spaceBefore = offset > beforeWhitespace;
            int end = offset;
            if (source.startsWith(CLOSE, offset) || (spaceBefore && source.startsWith("-" + CLOSE, offset))) {
                String inside = source.substring(start, end).strip();
                offset = beforeWhitespace;
                closeAction();
                if (tokens.isEmpty()) {
                    throw positionOf(open).error(sourceName, "empty action ${{ }}");
                }
                segments.add(new Segment.Action(tokens, inside, positionOf(open)));
                return;
            }
            tokens.add(lexToken());
        }
    }

    /** Consumes <code>}}</code> or <code> -}}</code> after optional whitespace; false when neither is there. */
    private boolean closeAction() {
        int index = skipWhitespace(offset);
        boolean spaceBefore = index > offset;
        if (spaceBefore && source.startsWith("-" + CLOSE, index)) {
            trimNextText = true;
            offset = index + 1 + CLOSE.length();
            return true;
        }
        if (source.startsWith(CLOSE, index)) {
            offset = index + CLOSE.length();
            return true;
        }
        return false;
    }

    private Token lexToken() {
        int start = offset;
        char character = source.charAt(offset);
        if (character == '.' || character == '$') {
            return lexFieldChain(start);
        }
        if (character == '"') {
            return new Token(Token.Kind.STRING, lexQuotedString(start), positionOf(start));
        }
        if (character == '`') {
            int end = source.indexOf('`', start + 1);
            if (end < 0) {
                throw lexingError(start, "unterminated raw string");
            }
            offset = end + 1;
            return new Token(Token.Kind.STRING, source.substring(start + 1, end), positionOf(start));
        }
        if (character == '(' || character == ')') {
            offset++;
            return new Token(character == '(' ? Token.Kind.OPEN_PARENTHESIS : Token.Kind.CLOSE_PARENTHESIS,
                    String.valueOf(character), positionOf(start));
        }
        if (isDigit(character) || (character == '-' && offset + 1 < source.length()
                && isDigit(source.charAt(offset + 1)))) {
            return lexNumber(start);
        }
        if (isIdentifierStart(character)) {
            offset = endOfIdentifier(start);
            return new Token(Token.Kind.IDENTIFIER, source.substring(start, offset), positionOf(start));
        }
        throw lexingError(start, unexpected(character));
    }

    private static String unexpected(char character) {
        return switch (character) {
            case '|' -> "pipelines (|) are not supported";
            case ':', '=', ',' -> "declaring variables is not supported";
            default -> "unexpected character '" + character + "' in ${{ }}";
        };
    }

    private Token lexFieldChain(int start) {
        if (source.charAt(start) == '$') {
            offset++;
            if (offset < source.length() && isIdentifierStart(source.charAt(offset))) {
                throw positionOf(start).error(sourceName, "variables other than $ are not supported");
            }
        } else if (!(start + 1 < source.length() && isIdentifierStart(source.charAt(start + 1)))) {
            offset++;
            requireSeparated(start);
            return new Token(Token.Kind.FIELD_CHAIN, ".", positionOf(start));
        }
        while (offset + 1 < source.length() && source.charAt(offset) == '.'
                && isIdentifierStart(source.charAt(offset + 1))) {
            offset = endOfIdentifier(offset + 1);
        }
        requireSeparated(start);
        return new Token(Token.Kind.FIELD_CHAIN, source.substring(start, offset), positionOf(start));
    }

    /** A chain must end at whitespace, a parenthesis or the end of the action: {@code .a.} or {@code .a-b} is wrong. */
    private void requireSeparated(int start) {
        if (offset < source.length()) {
            char next = source.charAt(offset);
            if (!isWhitespace(next) && next != ')' && next != '(' && !source.startsWith(CLOSE, offset)
                    && !source.startsWith("-" + CLOSE, offset)) {
                throw positionOf(start).error(sourceName,
                        "bad variable name " + source.substring(start, Math.min(offset + 1, source.length())));
            }
        }
    }

    private Token lexNumber(int start) {
        offset = start + 1;
        while (offset < source.length() && isDigit(source.charAt(offset))) {
            offset++;
        }
        if (offset + 1 < source.length() && source.charAt(offset) == '.' && isDigit(source.charAt(offset + 1))) {
            offset++;
            while (offset < source.length() && isDigit(source.charAt(offset))) {
                offset++;
            }
        }
        if (offset < source.length() && (isIdentifierStart(source.charAt(offset)) || source.charAt(offset) == '.')) {
            throw positionOf(start).error(sourceName, "bad number; only decimal numbers such as 12 and 1.5 are supported");
        }
        return new Token(Token.Kind.NUMBER, source.substring(start, offset), positionOf(start));
    }

    private String lexQuotedString(int start) {
        StringBuilder value = new StringBuilder();
        int index = start + 1;
        while (true) {
            if (index >= source.length() || source.charAt(index) == '\n') {
                throw lexingError(start, "unterminated string");
            }
            char character = source.charAt(index);
            if (character == '"') {
                offset = index + 1;
                return value.toString();
            }
            if (character == '\\') {
                index = decodeEscape(index, value);
            } else {
                value.append(character);
                index++;
            }
        }
    }

    /** Go's common string escapes; returns the index after the escape. */
    private int decodeEscape(int backslash, StringBuilder value) {
        if (backslash + 1 >= source.length()) {
            throw positionOf(backslash).error(sourceName, "unterminated string");
        }
        char escaped = source.charAt(backslash + 1);
        switch (escaped) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '\\', '"', '\'' -> value.append(escaped);
            case 'u' -> {
                String hex = backslash + 6 <= source.length() ? source.substring(backslash + 2, backslash + 6) : "";
                if (!hex.matches("[0-9a-fA-F]{4}")) {
                    throw positionOf(backslash).error(sourceName, "\\u needs four hexadecimal digits");
                }
                value.append((char) Integer.parseInt(hex, 16));
                return backslash + 6;
            }
            default -> throw positionOf(backslash).error(sourceName, "unsupported escape \\" + escaped);
        }
        return backslash + 2;
    }

    /**
     * A lexing error inside an action, reported as an unclosed <code>${{</code> when no <code>}}</code> comes before
     * the next <code>${{</code>: a forgotten <code>}}</code> is the likely cause, and its place is where it opened.
     */
    private KnotException lexingError(int index, String problem) {
        int close = source.indexOf(CLOSE, actionStart + OPEN.length());
        int nextOpen = source.indexOf(OPEN, actionStart + OPEN.length());
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            return positionOf(actionStart).error(sourceName, "unclosed ${{: no }} before the "
                    + (close < 0 ? "end of the template" : "next ${{"));
        }
        return positionOf(index).error(sourceName, problem);
    }

    private int endOfIdentifier(int start) {
        int index = start;
        while (index < source.length() && (isIdentifierStart(source.charAt(index)) || isDigit(source.charAt(index)))) {
            index++;
        }
        return index;
    }

    private int skipWhitespace(int index) {
        int result = index;
        while (result < source.length() && isWhitespace(source.charAt(result))) {
            result++;
        }
        return result;
    }

    private Position positionOf(int index) {
        int line = lineOf(index);
        return new Position(line + 1, index - lineStarts.get(line) + 1);
    }

    private int lineOf(int index) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts.get(middle) <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static String stripLeadingWhitespace(String text) {
        int start = 0;
        while (start < text.length() && isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    private static String stripTrailingWhitespace(String text) {
        int end = text.length();
        while (end > 0 && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Go's template whitespace: what the trim markers remove and what separates tokens. */
    static boolean isWhitespace(char character) {
        return character == ' ' || character == '\t' || character == '\r' || character == '\n';
    }

    private static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }

    private static boolean isIdentifierStart(char character) {
        return character == '_' || Character.isLetter(character);
    }
}
