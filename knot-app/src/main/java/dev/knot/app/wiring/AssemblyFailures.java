package dev.knot.app.wiring;

import dev.knot.ports.model.KnotException;
import java.util.Optional;

/** Finds knot's own error inside Guice's wrapping, whose message is the one an operator should read. */
final class AssemblyFailures {
    private AssemblyFailures() {}

    static Optional<KnotException> knotCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KnotException knot) {
                return Optional.of(knot);
            }
        }
        return Optional.empty();
    }
}
