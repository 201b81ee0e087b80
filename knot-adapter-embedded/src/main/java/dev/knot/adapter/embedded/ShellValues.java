package dev.knot.adapter.embedded;

import dev.knot.ports.model.Shell;

/** Reads a stored shell value back, failing loudly on one this version does not know. */
final class ShellValues {
    private ShellValues() {}

    static Shell parse(String value) {
        return Shell.fromValue(value)
                .orElseThrow(() -> new IllegalStateException("unknown stored shell " + value));
    }
}
