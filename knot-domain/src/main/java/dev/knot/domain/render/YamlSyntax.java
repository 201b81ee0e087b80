package dev.knot.domain.render;

import java.util.regex.Pattern;

/**
 * YAML as knot reads volume definitions. YAML's structure depends on indentation and on what came lines before
 * (block scalars, multi-line quoted scalars), so the tracker follows one line at a time and is built so that a
 * misjudged place can only make it stricter, never let a value change the structure:
 * <ul>
 *   <li>in a double-quoted scalar (opened on the same line): letters, digits, space and {@code _ . / + @ = -} are
 *       written as they are, every other character as a YAML hexadecimal escape (backslash, u, four digits). Read
 *       as anything else (say the line is really inside a block scalar), such a value is still plain text;</li>
 *   <li>in a single-quoted scalar: the same characters, and {@code '} doubled; anything else is refused
 *       (single quotes have no escapes; use double quotes);</li>
 *   <li>anywhere else (a plain scalar, a key, a comment, a block scalar): only letters, digits and
 *       {@code _ . / + -}. A line break is refused everywhere but in a double-quoted scalar.</li>
 * </ul>
 */
final class YamlSyntax implements Syntax {
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_./+-]*");
    private static final String QUOTE_SAFE_PUNCTUATION = " _./+@=-";

    private enum State {
        PLAIN,
        DOUBLE_QUOTED,
        SINGLE_QUOTED,
        COMMENT
    }

    private State state = State.PLAIN;
    private int position;
    private boolean settled = true;
    /** The last character before {@link #position} on this line; 0 at the start of a line. */
    private char previous;
    /** The last non-blank character outside quotes on this line; 0 when there is none. */
    private char previousSignificant;

    @Override
    public void scan(RenderedText text, boolean complete) {
        while (position < text.length()) {
            int consumed = step(text, complete);
            if (consumed == 0) {
                break;
            }
            previous = text.charAt(position + consumed - 1);
            position += consumed;
        }
        settled = position == text.length();
    }

    @Override
    public String escape(String value, Insertion insertion, RenderedText text) {
        State place = settled ? state : State.PLAIN;
        return switch (place) {
            case DOUBLE_QUOTED -> doubleQuoted(value);
            case SINGLE_QUOTED -> singleQuoted(value, insertion, text);
            case PLAIN, COMMENT -> plain(value, insertion, text);
        };
    }

    private int step(RenderedText text, boolean complete) {
        char character = text.charAt(position);
        if (character == '\n') {
            text.requireFromTemplate(position, position + 1, "end the line");
            state = State.PLAIN;
            previousSignificant = 0;
            return 1;
        }
        return switch (state) {
            case PLAIN -> stepInPlain(text, character);
            case DOUBLE_QUOTED -> stepInDoubleQuoted(text, complete, character);
            case SINGLE_QUOTED -> stepInSingleQuoted(text, complete, character);
            case COMMENT -> 1;
        };
    }

    private int stepInPlain(RenderedText text, char character) {
        boolean afterBlank = previous == 0 || previous == '\n' || previous == ' ' || previous == '\t';
        if (character == '#' && afterBlank) {
            text.requireFromTemplate(position, position + 1, "start a comment");
            state = State.COMMENT;
        } else if ((character == '"' || character == '\'') && isScalarStart(afterBlank)) {
            text.requireFromTemplate(position, position + 1, "open a quoted scalar");
            state = character == '"' ? State.DOUBLE_QUOTED : State.SINGLE_QUOTED;
        } else if (character != ' ' && character != '\t') {
            previousSignificant = character;
        }
        return 1;
    }

    /** A quote starts a scalar only where a value can start: {@code it's} in a plain scalar is just text. */
    private boolean isScalarStart(boolean afterBlank) {
        return switch (previousSignificant) {
            case 0, '[', '{', ',' -> true;
            case ':', '-', '?' -> afterBlank;
            default -> false;
        };
    }

    private int stepInDoubleQuoted(RenderedText text, boolean complete, char character) {
        if (character == '\\') {
            if (position + 1 >= text.length()) {
                return complete ? 1 : 0;
            }
            text.requireNotMixed(position, position + 2);
            return 2;
        }
        if (character == '"') {
            closeQuote(text);
        }
        return 1;
    }

    private int stepInSingleQuoted(RenderedText text, boolean complete, char character) {
        if (character != '\'') {
            return 1;
        }
        if (position + 1 >= text.length()) {
            if (!complete) {
                return 0;
            }
        } else if (text.charAt(position + 1) == '\'') {
            text.requireNotMixed(position, position + 2);
            return 2;
        }
        closeQuote(text);
        return 1;
    }

    private void closeQuote(RenderedText text) {
        text.requireFromTemplate(position, position + 1, "close the quoted scalar");
        previousSignificant = text.charAt(position);
        state = State.PLAIN;
    }

    private static String doubleQuoted(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(codePoint -> {
            if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && isQuoteSafe((char) codePoint)) {
                escaped.append((char) codePoint);
            } else if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                escaped.append(String.format("\\u%04x", codePoint));
            } else {
                escaped.append(String.format("\\U%08x", codePoint));
            }
        });
        return escaped.toString();
    }

    private static String singleQuoted(String value, Insertion insertion, RenderedText text) {
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character == '\'') {
                escaped.append("''");
            } else if (isQuoteSafe(character)) {
                escaped.append(character);
            } else {
                throw text.refusal(insertion, "lands in a single-quoted YAML scalar, where it may hold only letters,"
                        + " digits, spaces, quotes and _ . / + @ = -; put the ${{ }} in double quotes instead");
            }
        }
        return escaped.toString();
    }

    private static String plain(String value, Insertion insertion, RenderedText text) {
        if (!PLAIN_VALUE.matcher(value).matches()) {
            throw text.refusal(insertion, "lands outside a quoted YAML scalar, where it may hold only letters, digits"
                    + " and _ . / + -; put the ${{ }} in double quotes in the template");
        }
        return value;
    }

    private static boolean isQuoteSafe(char character) {
        return (character < 0x80 && Character.isLetterOrDigit(character))
                || QUOTE_SAFE_PUNCTUATION.indexOf(character) >= 0;
    }
}
