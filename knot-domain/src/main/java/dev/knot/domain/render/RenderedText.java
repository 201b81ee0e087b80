package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The output being rendered, remembering which characters came from inserted values, so that the syntax tracker
 * can refuse any value that would open, close or join a structure of the surrounding HCL or YAML.
 */
final class RenderedText {
    private final String sourceName;
    private final Syntax syntax;
    private final StringBuilder characters = new StringBuilder();
    private final BitSet fromValue = new BitSet();
    /** Each non-empty insertion by the index of its first character. */
    private final TreeMap<Integer, Insertion> insertions = new TreeMap<>();

    RenderedText(String sourceName, Syntax syntax) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.syntax = requireNonNull(syntax, "syntax is null");
    }

    void appendTemplate(String text) {
        characters.append(text);
    }

    /** Escapes {@code value} for the place the output has reached, then appends it. */
    void appendValue(String value, Insertion insertion) {
        syntax.scan(this, false);
        String escaped = syntax.escape(value, insertion, this);
        if (escaped.isEmpty()) {
            return;
        }
        insertions.put(characters.length(), insertion);
        fromValue.set(characters.length(), characters.length() + escaped.length());
        characters.append(escaped);
    }

    /** The whole output, after checking that its end, too, leaves every structure as the template made it. */
    String finish() {
        syntax.scan(this, true);
        return characters.toString();
    }

    int length() {
        return characters.length();
    }

    char charAt(int index) {
        return characters.charAt(index);
    }

    CharSequence subSequence(int start, int end) {
        return characters.subSequence(start, end);
    }

    /** Refuses when a character in [start, end) came from a value: only the template may make this token. */
    void requireFromTemplate(int start, int end, String effect) {
        int first = fromValue.nextSetBit(start);
        if (first >= 0 && first < end) {
            throw refusal(insertionAt(first), "would " + effect);
        }
    }

    /** Refuses a token made partly of a value and partly of the template, e.g. a value's "$" before the template's "{". */
    void requireNotMixed(int start, int end) {
        int firstFromValue = fromValue.nextSetBit(start);
        if (firstFromValue < 0 || firstFromValue >= end) {
            return;
        }
        if (fromValue.nextClearBit(start) < end || !sameInsertion(start, end)) {
            throw refusal(insertionAt(firstFromValue), "would join the text next to it into one token");
        }
    }

    KnotException refusal(Insertion insertion, String problem) {
        return insertion.position().error(sourceName, "the value of " + insertion.expression() + " " + problem);
    }

    private boolean sameInsertion(int start, int end) {
        return insertions.floorKey(start).equals(insertions.floorKey(end - 1));
    }

    private Insertion insertionAt(int index) {
        Map.Entry<Integer, Insertion> entry = insertions.floorEntry(index);
        return entry.getValue();
    }
}
