package dev.knot.client;

/**
 * A client command could not do its work: bad input, a refusal by the server, the server out of reach, a file that
 * cannot be written. The message is written for the user and never contains a token or a password.
 */
public class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
