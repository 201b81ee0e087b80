package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/**
 * A login attempt.
 *
 * @param clientAddress the address the request came from (after trusted-proxy resolution), for rate limiting and
 *     the session list
 */
public record LoginCommand(String email, String password, String clientAddress, String userAgent) {
    public LoginCommand {
        requireNonNull(email, "email is null");
        requireNonNull(password, "password is null");
        requireNonNull(clientAddress, "clientAddress is null");
        requireNonNull(userAgent, "userAgent is null");
    }

    @Override
    public String toString() {
        return "LoginCommand[email=" + email + ", clientAddress=" + clientAddress + "]";
    }
}
