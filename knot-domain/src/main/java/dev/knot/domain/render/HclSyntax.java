package dev.knot.domain.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HCL as Nomad reads job files. A value is escaped for where it lands:
 * <ul>
 *   <li>in a quoted string: {@code \ " } and control characters become escapes, and {@code ${ %{} become
 *       {@code $${ %%{} so Nomad cannot read them as interpolation;</li>
 *   <li>in a heredoc: only {@code ${ %{} are doubled; a line of the value that would end the heredoc is refused
 *       (the tracker sees the terminator line made from value characters);</li>
 *   <li>in a comment: written as is; a line break ending a line comment, or a {@code *&#47;}, is refused;</li>
 *   <li>anywhere else (bare in the HCL, or inside a {@code ${ }} expression): only letters, digits and
 *       {@code _ . + -} are allowed, which is enough for numbers, booleans and names and cannot form any
 *       structure. A newline, quote or brace there is refused rather than escaped: there is nothing to escape
 *       it into.</li>
 * </ul>
 */
final class HclSyntax implements Syntax {
    private static final Pattern HEREDOC_OPENER = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n");
    private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_.+-]*");

    private enum Kind {
        CODE,
        /** {@code ${ … }} or {@code %{ … }} inside a string or heredoc: code, ended by its closing brace. */
        INTERPOLATION,
        STRING,
        HEREDOC,
        LINE_COMMENT,
        BLOCK_COMMENT
    }

    private static final class Frame {
        private final Kind kind;
        private final String terminator;
        private int braceDepth;
        private int lineStart;

        Frame(Kind kind, String terminator, int lineStart) {
            this.kind = kind;
            this.terminator = terminator;
            this.lineStart = lineStart;
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private int position;
    private boolean settled = true;

    HclSyntax() {
        frames.push(new Frame(Kind.CODE, "", 0));
    }

    @Override
    public void scan(RenderedText text, boolean complete) {
        while (position < text.length()) {
            int consumed = step(text, complete);
            if (consumed == 0) {
                break;
            }
            position += consumed;
        }
        settled = position == text.length();
        if (complete && frames.peek().kind == Kind.HEREDOC) {
            endOfHeredocLine(text, text.length(), text.length());
        }
    }

    @Override
    public String escape(String value, Insertion insertion, RenderedText text) {
        Kind kind = settled ? frames.peek().kind : Kind.CODE;
        return switch (kind) {
            case STRING -> quoted(value);
            case HEREDOC -> doubleTemplateMarkers(value);
            case LINE_COMMENT, BLOCK_COMMENT -> value;
            case CODE, INTERPOLATION -> bare(value, insertion, text);
        };
    }

    /** Consumes one token at {@link #position}; 0 when it cannot tell what the token is until more output comes. */
    private int step(RenderedText text, boolean complete) {
        Frame frame = frames.peek();
        return switch (frame.kind) {
            case CODE, INTERPOLATION -> stepInCode(text, complete, frame);
            case STRING -> stepInString(text, complete);
            case HEREDOC -> stepInHeredoc(text, complete);
            case LINE_COMMENT -> stepInLineComment(text);
            case BLOCK_COMMENT -> stepInBlockComment(text, complete);
        };
    }

    private int stepInCode(RenderedText text, boolean complete, Frame frame) {
        char character = text.charAt(position);
        switch (character) {
            case '"' -> {
                open(text, 1, Kind.STRING, "", "open a quoted string");
                return 1;
            }
            case '#' -> {
                open(text, 1, Kind.LINE_COMMENT, "", "start a comment");
                return 1;
            }
            case '/' -> {
                return slash(text, complete);
            }
            case '<' -> {
                return heredocOpener(text, complete);
            }
            case '{' -> {
                frame.braceDepth++;
                return 1;
            }
            case '}' -> {
                if (frame.kind == Kind.INTERPOLATION && frame.braceDepth == 0) {
                    text.requireFromTemplate(position, position + 1, "end an interpolation");
                    frames.pop();
                } else {
                    frame.braceDepth = Math.max(0, frame.braceDepth - 1);
                }
                return 1;
            }
            default -> {
                return 1;
            }
        }
    }

    private int slash(RenderedText text, boolean complete) {
        if (position + 1 >= text.length()) {
            return complete ? 1 : 0;
        }
        char next = text.charAt(position + 1);
        if (next == '/') {
            open(text, 2, Kind.LINE_COMMENT, "", "start a comment");
            return 2;
        }
        if (next == '*') {
            open(text, 2, Kind.BLOCK_COMMENT, "", "start a comment");
            return 2;
        }
        return 1;
    }

    private int heredocOpener(RenderedText text, boolean complete) {
        Matcher opener = HEREDOC_OPENER.matcher(text.subSequence(position, text.length()));
        if (opener.lookingAt()) {
            int end = position + opener.end();
            text.requireFromTemplate(position, end, "open a heredoc");
            frames.push(new Frame(Kind.HEREDOC, opener.group(1), end));
            return opener.end();
        }
        return opener.hitEnd() && !complete ? 0 : 1;
    }

    private int stepInString(RenderedText text, boolean complete) {
        char character = text.charAt(position);
        if (character == '"') {
            text.requireFromTemplate(position, position + 1, "end the quoted string");
            frames.pop();
            return 1;
        }
        if (character == '\\') {
            if (position + 1 >= text.length()) {
                return complete ? 1 : 0;
            }
            text.requireNotMixed(position, position + 2);
            return 2;
        }
        return templateMarker(text, complete);
    }

    private int stepInHeredoc(RenderedText text, boolean complete) {
        if (text.charAt(position) == '\n') {
            endOfHeredocLine(text, position, position + 1);
            return 1;
        }
        return templateMarker(text, complete);
    }

    /** At a line end inside a heredoc: the line ends the heredoc when it is its terminator (maybe indented). */
    private void endOfHeredocLine(RenderedText text, int lineEnd, int afterLineEnd) {
        Frame heredoc = frames.peek();
        String line = text.subSequence(heredoc.lineStart, lineEnd).toString().strip();
        if (line.equals(heredoc.terminator)) {
            text.requireFromTemplate(heredoc.lineStart, afterLineEnd, "end the heredoc " + heredoc.terminator);
            frames.pop();
        } else {
            heredoc.lineStart = afterLineEnd;
        }
    }

    /**
     * {@code ${} and {@code %{} open interpolation and directives in strings and heredocs; {@code $${} and
     * {@code %%{} are their escapes. A marker split between a value and the template is refused.
     */
    private int templateMarker(RenderedText text, boolean complete) {
        char marker = text.charAt(position);
        if (marker != '$' && marker != '%') {
            return 1;
        }
        if (position + 1 >= text.length()) {
            return complete ? 1 : 0;
        }
        char next = text.charAt(position + 1);
        if (next == '{') {
            open(text, 2, Kind.INTERPOLATION, "", "start an interpolation");
            return 2;
        }
        if (next != marker) {
            return 1;
        }
        if (position + 2 >= text.length()) {
            return complete ? 1 : 0;
        }
        if (text.charAt(position + 2) == '{') {
            text.requireNotMixed(position, position + 3);
            return 3;
        }
        return 1;
    }

    private int stepInLineComment(RenderedText text) {
        char character = text.charAt(position);
        if (character == '\n' || character == '\r') {
            text.requireFromTemplate(position, position + 1, "end the comment");
            frames.pop();
        }
        return 1;
    }

    private int stepInBlockComment(RenderedText text, boolean complete) {
        if (text.charAt(position) != '*') {
            return 1;
        }
        if (position + 1 >= text.length()) {
            return complete ? 1 : 0;
        }
        if (text.charAt(position + 1) == '/') {
            text.requireFromTemplate(position, position + 2, "end the comment");
            frames.pop();
            return 2;
        }
        return 1;
    }

    private void open(RenderedText text, int length, Kind kind, String terminator, String effect) {
        text.requireFromTemplate(position, position + length, effect);
        frames.push(new Frame(kind, terminator, position + length));
    }

    private static String bare(String value, Insertion insertion, RenderedText text) {
        if (!BARE_VALUE.matcher(value).matches()) {
            throw text.refusal(insertion, "lands outside a quoted string or heredoc, where it may hold only"
                    + " letters, digits and _ . + -; put the ${{ }} inside quotes in the template");
        }
        return value;
    }

    /** For a quoted HCL string: the escapes of HCL's string syntax. */
    private static String quoted(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        char previous = 0;
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (character < 0x20 || character == 0x7f) {
                        escaped.append(String.format("\\u%04x", (int) character));
                    } else {
                        appendDoublingMarker(escaped, previous, character);
                    }
                }
            }
            previous = character;
        }
        return escaped.toString();
    }

    private static String doubleTemplateMarkers(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        char previous = 0;
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            appendDoublingMarker(escaped, previous, character);
            previous = character;
        }
        return escaped.toString();
    }

    /** {@code ${} → {@code $${}, {@code %{} → {@code %%{}: the marker is doubled when the brace arrives. */
    private static void appendDoublingMarker(StringBuilder escaped, char previous, char character) {
        if (character == '{' && (previous == '$' || previous == '%')) {
            escaped.append(previous);
        }
        escaped.append(character);
    }
}
