package dev.knot.domain.render;

import dev.knot.ports.model.KnotException;

/** Where something is in a template's source, 1-based, for messages that let an author find it. */
record Position(int line, int column) {
    Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1");
        }
    }

    /** An INVALID_ARGUMENT naming the template, this position and the problem, e.g. "job: line 3, column 7: …". */
    KnotException error(String sourceName, String problem) {
        return KnotException.invalid(sourceName + ": line " + line + ", column " + column + ": " + problem);
    }
}
