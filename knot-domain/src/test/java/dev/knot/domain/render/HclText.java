package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.fail;

/**
 * Reads HCL text back the way Nomad's parser does, written independently of the renderer so the tests check it
 * rather than repeat it.
 */
final class HclText {
    private HclText() {}

    /** The inside of a quoted HCL string holding {@code value}, for values without control characters. */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("${", "$${").replace("%{", "%%{");
    }

    /** The value of the inside of a quoted HCL string; fails on anything that would end it or interpolate. */
    static String unquote(String literal) {
        StringBuilder value = new StringBuilder();
        for (int index = 0; index < literal.length(); index++) {
            char character = literal.charAt(index);
            if (character == '"' || character == '\n') {
                fail("unescaped " + (character == '"' ? "quote" : "newline") + " at " + index + " in " + literal);
            }
            if (character == '\\') {
                char escaped = literal.charAt(++index);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(literal.substring(index + 1, index + 5), 16));
                        index += 4;
                    }
                    default -> fail("bad escape \\" + escaped + " in " + literal);
                }
                continue;
            }
            index = templateCharacter(literal, index, value);
        }
        return value.toString();
    }

    /** The text of a heredoc body: {@code $${} and {@code %%{} are escapes; {@code ${} or {@code %{} fail. */
    static String undoubleTemplateMarkers(String body) {
        StringBuilder value = new StringBuilder();
        for (int index = 0; index < body.length(); index++) {
            index = templateCharacter(body, index, value);
        }
        return value.toString();
    }

    static boolean hasTemplateMarker(String text) {
        try {
            undoubleTemplateMarkers(text);
            return false;
        } catch (AssertionError marker) {
            return true;
        }
    }

    /** HCL's rule: "$${" is a literal "${", "${" starts an interpolation, any other "$" is itself. */
    private static int templateCharacter(String text, int index, StringBuilder value) {
        char character = text.charAt(index);
        boolean marker = character == '$' || character == '%';
        if (marker && text.startsWith(character + "{", index + 1)) {
            value.append(character).append('{');
            return index + 2;
        }
        if (marker && text.startsWith("{", index + 1)) {
            fail("interpolation or directive at " + index + " in " + text);
        }
        value.append(character);
        return index;
    }
}
