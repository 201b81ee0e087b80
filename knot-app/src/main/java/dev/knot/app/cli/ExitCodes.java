package dev.knot.app.cli;

/** The process's exit codes, documented in docs/configuration.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The server could not start (store in use, port in use, ...) or stopped on an unexpected error. */
    public static final int STARTUP_FAILED = 1;
    /** A `knot admin` command did nothing: the store is in use, a rule refused the change, the passwords differ. */
    public static final int COMMAND_FAILED = 1;
    /** The configuration or the command line is invalid (picocli uses 2 for usage errors too). */
    public static final int INVALID_CONFIG = 2;

    private ExitCodes() {}
}
