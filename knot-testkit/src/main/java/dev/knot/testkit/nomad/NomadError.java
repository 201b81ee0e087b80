package dev.knot.testkit.nomad;

/** An error the simulator answers with: Nomad sends the status and the message as a text/plain body. */
final class NomadError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    NomadError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static NomadError badRequest(String message) {
        return new NomadError(400, message);
    }

    static NomadError notFound(String message) {
        return new NomadError(404, message);
    }

    static NomadError serverError(String message) {
        return new NomadError(500, message);
    }
}
