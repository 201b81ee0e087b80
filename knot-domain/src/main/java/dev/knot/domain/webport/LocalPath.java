package dev.knot.domain.webport;

/**
 * Where a browser may be sent back to after logging in for a web port: a path (with query) on the same host, never
 * somewhere else. Browsers read {@code //host} and {@code /\host} as another host and drop tabs and line breaks
 * from URLs, so only a plain path of visible ASCII is kept; anything else becomes {@code /}.
 */
final class LocalPath {
    static final int MAXIMUM_LENGTH = 2048;
    private static final String ROOT = "/";

    private LocalPath() {}

    /**
     * @param requested the raw request target as the browser sent it (still percent-encoded), or null
     * @return {@code requested} if it is a local path, else {@code /}
     */
    static String orRoot(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAXIMUM_LENGTH
                || requested.charAt(0) != '/' || requested.startsWith("//") || requested.startsWith("/\\")) {
            return ROOT;
        }
        // Visible ASCII only: no control characters, spaces or non-ASCII, which a raw request target never holds.
        return requested.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? requested : ROOT;
    }
}
