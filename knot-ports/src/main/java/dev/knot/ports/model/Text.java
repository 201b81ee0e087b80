package dev.knot.ports.model;

/** Small helpers for validation messages. */
final class Text {
    private static final int MAXIMUM_QUOTED_LENGTH = 64;

    private Text() {}

    /** Quotes user input for an error message, cut short so a huge value cannot flood a log or a response. */
    static String quoteForMessage(String value) {
        if (value.length() <= MAXIMUM_QUOTED_LENGTH) {
            return '"' + value + '"';
        }
        return '"' + value.substring(0, MAXIMUM_QUOTED_LENGTH) + "…\"";
    }
}
