package dev.knot.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Turns the ways a connection to the server fails into one line for the user. */
final class Failures {
    private Failures() {}

    /** {@code failure} (of a request or a websocket handshake to {@code server}) as a message for the user. */
    static ClientException unreachable(ServerAddress server, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ClientException known) {
            return known;
        }
        String message;
        if (hasCause(cause, SSLException.class)) {
            message = "TLS with " + server + " failed: " + firstMessage(cause) + ". If you trust this server but your"
                    + " system does not know its certificate (knot's self-signed one, a private CA), pass"
                    + " --tls-skip-verify, or set KNOT_TLS_SKIP_VERIFY=true or tls_skip_verify: true";
        } else if (cause instanceof HttpConnectTimeoutException) {
            message = "cannot reach " + server + ": no connection within " + KnotServer.CONNECT_TIMEOUT.toSeconds()
                    + " s";
        } else if (cause instanceof HttpTimeoutException) {
            message = server + " did not answer in time";
        } else if (hasCause(cause, ConnectException.class)) {
            message = "cannot reach " + server + ": connection refused";
        } else if (hasCause(cause, UnresolvedAddressException.class) || hasCause(cause, UnknownHostException.class)) {
            message = "cannot reach " + server + ": unknown host " + server.uri().getHost();
        } else if (cause instanceof IOException) {
            message = "cannot reach " + server + ": " + firstMessage(cause);
        } else {
            message = "talking to " + server + " failed: " + firstMessage(cause);
        }
        return new ClientException(message, cause);
    }

    /** The failure inside the wrappers of CompletableFuture. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    private static String firstMessage(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                return current.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
