package dev.knot.testkit.nomad;

/** A 404 that still carries the table index, as Nomad sets X-Nomad-Index before its not-found check. */
final class NotFoundAtIndex extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long index;

    NotFoundAtIndex(String message, long index) {
        super(message);
        this.index = index;
    }

    long index() {
        return index;
    }
}
