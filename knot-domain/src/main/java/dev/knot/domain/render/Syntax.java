package dev.knot.domain.render;

/**
 * Follows the structure of the output (strings, heredocs, comments …) as it is rendered, so each value can be
 * escaped for the place it lands in. One instance per rendering: it keeps where it has read up to.
 */
interface Syntax {
    /**
     * Reads the output up to its end. With {@code complete} false it may stop early at a character whose meaning
     * depends on what follows; the next insertion is then treated as landing in an unknown place.
     *
     * @throws dev.knot.ports.model.KnotException INVALID_ARGUMENT when a value made or joined a token of the structure
     */
    void scan(RenderedText text, boolean complete);

    /** {@code value} written so that it stays one value where the output now ends, or INVALID_ARGUMENT if it cannot. */
    String escape(String value, Insertion insertion, RenderedText text);
}
