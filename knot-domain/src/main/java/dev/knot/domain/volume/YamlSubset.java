package dev.knot.domain.volume;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of YAML that volume definitions use: block mappings and sequences (a sequence may sit at its key's
 * indentation), flow sequences and mappings, plain, single- and double-quoted scalars, comments and a leading
 * {@code ---}. Scalars come back as Strings (callers convert), mappings as ordered Maps, sequences as Lists.
 * Anchors, tags, block scalars and multi-line flow collections are refused with the line they are on, rather than
 * read wrongly. The domain takes no YAML library, and this small grammar is all knot's volume files need.
 */
final class YamlSubset {
    private final String sourceName;
    private final List<Line> lines = new ArrayList<>();
    private int position;

    private YamlSubset(String sourceName, String text) {
        this.sourceName = sourceName;
        String[] rawLines = text.split("\r?\n", -1);
        for (int index = 0; index < rawLines.length; index++) {
            String content = stripComment(rawLines[index], index + 1);
            if (content.isBlank() || (lines.isEmpty() && content.strip().equals("---"))) {
                continue;
            }
            int indent = 0;
            while (indent < content.length() && content.charAt(indent) == ' ') {
                indent++;
            }
            if (content.charAt(indent) == '\t') {
                throw error(index + 1, "tabs cannot indent YAML");
            }
            lines.add(new Line(index + 1, indent, content.substring(indent).stripTrailing()));
        }
    }

    /** The document's root value: a Map, a List, a String, or null for an empty document. */
    static Object read(String sourceName, String text) {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(text, "text is null");
        YamlSubset reader = new YamlSubset(sourceName, text);
        if (reader.lines.isEmpty()) {
            return null;
        }
        Object root = reader.block(reader.lines.get(0).indent());
        if (reader.position < reader.lines.size()) {
            throw reader.error(reader.lines.get(reader.position).number(), "unexpected indentation");
        }
        return root;
    }

    private record Line(int number, int indent, String content) {
        boolean isSequenceItem() {
            return content.equals("-") || content.startsWith("- ");
        }
    }

    private Object block(int indent) {
        Line first = lines.get(position);
        if (first.indent() != indent) {
            throw error(first.number(), "unexpected indentation");
        }
        return first.isSequenceItem() ? sequence(indent) : mapping(indent);
    }

    private List<Object> sequence(int indent) {
        List<Object> items = new ArrayList<>();
        while (position < lines.size() && lines.get(position).indent() == indent
                && lines.get(position).isSequenceItem()) {
            Line line = lines.get(position);
            String rest = line.content().substring(1).stripLeading();
            if (rest.isEmpty()) {
                position++;
                items.add(nestedOrNull(indent, false));
            } else if (keyEnd(rest, line.number()) >= 0) {
                // "- key: value" opens a mapping whose keys line up with "key".
                int itemIndent = indent + line.content().indexOf(rest);
                lines.set(position, new Line(line.number(), itemIndent, rest));
                items.add(mapping(itemIndent));
            } else {
                position++;
                items.add(scalarOrFlow(rest, line.number()));
            }
        }
        return items;
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> entries = new LinkedHashMap<>();
        while (position < lines.size() && lines.get(position).indent() == indent
                && !lines.get(position).isSequenceItem()) {
            Line line = lines.get(position);
            int colon = keyEnd(line.content(), line.number());
            if (colon < 0) {
                throw error(line.number(), "expected \"key: value\"");
            }
            String key = String.valueOf(scalarOrFlow(line.content().substring(0, colon).strip(), line.number()));
            String value = line.content().substring(colon + 1).strip();
            if (entries.containsKey(key)) {
                throw error(line.number(), format("duplicate key %s", key));
            }
            position++;
            entries.put(key, value.isEmpty() ? nestedOrNull(indent, true) : scalarOrFlow(value, line.number()));
        }
        return entries;
    }

    /** What follows a key or dash with nothing after it: a deeper block, a sequence at the key's level, or null. */
    private Object nestedOrNull(int indent, boolean sequenceMayAlign) {
        if (position >= lines.size()) {
            return null;
        }
        Line next = lines.get(position);
        if (next.indent() > indent) {
            return block(next.indent());
        }
        if (sequenceMayAlign && next.indent() == indent && next.isSequenceItem()) {
            return sequence(indent);
        }
        return null;
    }

    /** The index of the colon ending a mapping key on this line, or -1 when the line is not "key: …". */
    private int keyEnd(String content, int lineNumber) {
        char quote = 0;
        for (int index = 0; index < content.length(); index++) {
            char character = content.charAt(index);
            if (quote != 0) {
                if (character == quote) {
                    quote = 0;
                }
            } else if ((character == '"' || character == '\'') && index == 0) {
                quote = character;
            } else if (character == '[' || character == '{') {
                return -1;
            } else if (character == ':' && (index + 1 == content.length() || content.charAt(index + 1) == ' ')) {
                return index;
            }
        }
        if (quote != 0) {
            throw error(lineNumber, "unterminated quoted string");
        }
        return -1;
    }

    private Object scalarOrFlow(String text, int lineNumber) {
        FlowReader reader = new FlowReader(text, lineNumber);
        Object value = reader.value();
        reader.skipSpaces();
        if (!reader.atEnd()) {
            throw error(lineNumber, "unexpected text after a value");
        }
        return value;
    }

    private String stripComment(String line, int lineNumber) {
        char quote = 0;
        for (int index = 0; index < line.length(); index++) {
            char character = line.charAt(index);
            if (quote != 0) {
                if (character == '\\' && quote == '"') {
                    index++;
                } else if (character == quote) {
                    quote = 0;
                }
            } else if (character == '"' || character == '\'') {
                quote = character;
            } else if (character == '#' && (index == 0 || line.charAt(index - 1) == ' ')) {
                return line.substring(0, index);
            }
        }
        return line;
    }

    private KnotException error(int lineNumber, String problem) {
        return KnotException.invalid(format("%s: line %d: %s", sourceName, lineNumber, problem));
    }

    /** One value on one line: a quoted or plain scalar, or a flow sequence or mapping. */
    private final class FlowReader {
        private final String text;
        private final int lineNumber;
        private int index;
        /** How many flow collections enclose the reader: outside them a plain scalar runs to the line's end. */
        private int depth;

        FlowReader(String text, int lineNumber) {
            this.text = text;
            this.lineNumber = lineNumber;
        }

        Object value() {
            skipSpaces();
            if (atEnd()) {
                return "";
            }
            char first = text.charAt(index);
            switch (first) {
                case '[':
                    return flowSequence();
                case '{':
                    return flowMapping();
                case '"':
                    return doubleQuoted();
                case '\'':
                    return singleQuoted();
                case '&', '*', '!', '|', '>':
                    throw error(lineNumber, format("'%s' (anchors, aliases, tags, block scalars) is not supported",
                            first));
                default:
                    return plain();
            }
        }

        private List<Object> flowSequence() {
            List<Object> items = new ArrayList<>();
            index++;
            depth++;
            skipSpaces();
            if (!consume(']')) {
                do {
                    items.add(value());
                    skipSpaces();
                } while (consume(','));
                expect(']');
            }
            depth--;
            return items;
        }

        private Map<String, Object> flowMapping() {
            Map<String, Object> entries = new LinkedHashMap<>();
            index++;
            depth++;
            skipSpaces();
            if (!consume('}')) {
                do {
                    String key = String.valueOf(value());
                    skipSpaces();
                    expect(':');
                    entries.put(key, value());
                    skipSpaces();
                } while (consume(','));
                expect('}');
            }
            depth--;
            return entries;
        }

        private String doubleQuoted() {
            StringBuilder value = new StringBuilder();
            index++;
            while (index < text.length() && text.charAt(index) != '"') {
                char character = text.charAt(index++);
                if (character == '\\' && index < text.length()) {
                    char escaped = text.charAt(index++);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case '0' -> '\0';
                        default -> escaped;
                    });
                } else {
                    value.append(character);
                }
            }
            expect('"');
            return value.toString();
        }

        private String singleQuoted() {
            StringBuilder value = new StringBuilder();
            index++;
            while (index < text.length()) {
                char character = text.charAt(index++);
                if (character == '\'') {
                    if (index < text.length() && text.charAt(index) == '\'') {
                        value.append('\'');
                        index++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(character);
                }
            }
            throw error(lineNumber, "unterminated quoted string");
        }

        private String plain() {
            int start = index;
            if (depth == 0) {
                index = text.length();
                return text.substring(start).strip();
            }
            while (index < text.length() && ",]}".indexOf(text.charAt(index)) < 0
                    && !(text.charAt(index) == ':' && (index + 1 == text.length() || text.charAt(index + 1) == ' '))) {
                index++;
            }
            return text.substring(start, index).strip();
        }

        void skipSpaces() {
            while (index < text.length() && text.charAt(index) == ' ') {
                index++;
            }
        }

        boolean atEnd() {
            return index >= text.length();
        }

        private boolean consume(char expected) {
            if (index < text.length() && text.charAt(index) == expected) {
                index++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!consume(expected)) {
                throw error(lineNumber, format("expected '%s'", expected));
            }
        }
    }
}
