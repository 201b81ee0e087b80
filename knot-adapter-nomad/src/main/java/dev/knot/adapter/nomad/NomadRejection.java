package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

/**
 * Nomad answered, with an error status. Stays inside the adapter: each port method decides which statuses are
 * fine (a 404 on delete) and hands the rest to {@link NomadFailures}.
 */
final class NomadRejection extends Exception {
    private final int status;
    private final String text;

    NomadRejection(int status, String text) {
        super(status + " " + requireNonNull(text, "text is null"), null, false, false);
        this.status = status;
        this.text = text;
    }

    int status() {
        return status;
    }

    /** Nomad's error text (its error bodies are text/plain), as sent. */
    String text() {
        return text;
    }

    boolean isNotFound() {
        return status == 404;
    }
}
