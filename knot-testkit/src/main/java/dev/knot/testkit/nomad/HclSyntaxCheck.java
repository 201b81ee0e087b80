package dev.knot.testkit.nomad;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the syntax errors hcl4j lets through (it returns a partial map for a truncated file), and reports them as
 * Nomad's HCL2 parser words them: {@code input.hcl:line,column-column: summary; detail}.
 */
final class HclSyntaxCheck {
    private final String text;
    private int position;
    private int line = 1;
    private int column = 1;
    private final Deque<Opening> openings = new ArrayDeque<>();

    private record Opening(char bracket, int line, int column) {
    }

    private HclSyntaxCheck(String text) {
        this.text = text;
    }

    /** Throws a 400 NomadError naming the first problem found. */
    static void check(String hcl) {
        new HclSyntaxCheck(hcl).scan();
    }

    private void scan() {
        while (position < text.length()) {
            char current = text.charAt(position);
            if (current == '#' || startsWith("//")) {
                skipToEndOfLine();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else if (current == '"') {
                skipQuotedString();
            } else if (startsWith("<<")) {
                skipHeredoc();
            } else if (current == '{' || current == '[' || current == '(') {
                openings.push(new Opening(current, line, column));
                advance();
            } else if (current == '}' || current == ']' || current == ')') {
                close(current);
            } else if (current == '=' && isAssignment()) {
                advance();
                requireExpression();
            } else {
                advance();
            }
        }
        if (!openings.isEmpty()) {
            Opening unclosed = openings.peek();
            throw failure(unclosed.line(), unclosed.column(), "Unclosed configuration block",
                    "There is no closing brace for this block before the end of the file. This may be caused by "
                            + "incorrect brace nesting elsewhere in this file.");
        }
    }

    private void close(char closing) {
        if (openings.isEmpty()) {
            throw failure(line, column, "Argument or block definition required",
                    "An argument or block definition is required here.");
        }
        Opening opening = openings.pop();
        char expected = opening.bracket() == '{' ? '}' : opening.bracket() == '[' ? ']' : ')';
        if (closing != expected) {
            throw failure(line, column, "Mismatched brackets",
                    "Expected '" + expected + "' to close the '" + opening.bracket() + "' at line " + opening.line()
                            + ", column " + opening.column() + ".");
        }
        advance();
    }

    private boolean isAssignment() {
        char previous = position == 0 ? ' ' : text.charAt(position - 1);
        char next = position + 1 < text.length() ? text.charAt(position + 1) : ' ';
        return "=!<>".indexOf(previous) < 0 && next != '=' && next != '>';
    }

    private void requireExpression() {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            advance();
        }
        if (position >= text.length()) {
            throw failure(line, column, "Missing expression",
                    "Expected the start of an expression, but found the end of the file.");
        }
        char next = text.charAt(position);
        if (next == '\n' || next == '\r' || next == '}' || next == '#') {
            throw failure(line, column, "Invalid expression", "Expected the start of an expression, but found an "
                    + (next == '}' ? "invalid expression token." : "end of line."));
        }
    }

    private void skipToEndOfLine() {
        while (position < text.length() && text.charAt(position) != '\n') {
            advance();
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int startColumn = column;
        int end = text.indexOf("*/", position + 2);
        if (end < 0) {
            throw failure(startLine, startColumn, "Unterminated comment",
                    "There is no closing marker for this comment before the end of the file.");
        }
        while (position < end + 2) {
            advance();
        }
    }

    private void skipQuotedString() {
        int startLine = line;
        int startColumn = column;
        advance();
        int templateDepth = 0;
        while (position < text.length()) {
            char current = text.charAt(position);
            if (current == '\n') {
                break;
            }
            if (current == '\\') {
                advance();
                advance();
                continue;
            }
            if (templateDepth == 0 && current == '"') {
                advance();
                return;
            }
            if ((startsWith("${") || startsWith("%{")) && !(position > 0 && text.charAt(position - 1) == '$')) {
                templateDepth++;
                advance();
            } else if (current == '}' && templateDepth > 0) {
                templateDepth--;
            }
            advance();
        }
        throw failure(startLine, startColumn, "Unterminated template string",
                "No closing marker was found for the string.");
    }

    private void skipHeredoc() {
        int startLine = line;
        int startColumn = column;
        int lineEnd = text.indexOf('\n', position);
        String marker = (lineEnd < 0 ? text.substring(position + 2) : text.substring(position + 2, lineEnd))
                .replaceFirst("^-", "").trim();
        if (marker.isEmpty() || lineEnd < 0) {
            advance();
            advance();
            return;
        }
        while (position <= lineEnd) {
            advance();
        }
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            String content = end < 0 ? text.substring(position) : text.substring(position, end);
            boolean last = content.trim().equals(marker);
            int stop = end < 0 ? text.length() : (last ? position + content.length() : end + 1);
            while (position < stop) {
                advance();
            }
            if (last) {
                return;
            }
        }
        throw failure(startLine, startColumn, "Unterminated template string",
                "No closing marker \"" + marker + "\" was found for this heredoc before the end of the file.");
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, position);
    }

    private void advance() {
        if (position >= text.length()) {
            return;
        }
        if (text.charAt(position) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        position++;
    }

    private static NomadError failure(int line, int column, String summary, String detail) {
        return NomadError.badRequest("Failed to parse job: input.hcl:" + line + "," + column + "-" + (column + 1)
                + ": " + summary + "; " + detail);
    }
}
