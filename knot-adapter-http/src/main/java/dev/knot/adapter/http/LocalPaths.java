package dev.knot.adapter.http;

import java.util.regex.Pattern;

/**
 * Where a browser may be sent back to after a detour (logging in, a web port's pass): a path on the same host, and
 * nothing that a browser could read as another host or a header. {@code //evil.example} and {@code /\evil} are
 * other hosts to a browser; {@code https://evil} does not start with a slash.
 */
final class LocalPaths {
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    private LocalPaths() {}

    static boolean isLocal(String target) {
        return target != null && LOCAL_PATH.matcher(target).matches();
    }

    /** {@code target} when it is a local path, else {@code /}. */
    static String orRoot(String target) {
        return isLocal(target) ? target : "/";
    }
}
