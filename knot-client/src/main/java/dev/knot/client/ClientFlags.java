package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What the command line said about the server, the token and TLS; each overrides the environment and the file. */
public record ClientFlags(Optional<String> server, Optional<String> token, Optional<Boolean> tlsSkipVerify) {
    public ClientFlags {
        requireNonNull(server, "server is null");
        requireNonNull(token, "token is null");
        requireNonNull(tlsSkipVerify, "tlsSkipVerify is null");
    }

    @Override
    public String toString() {
        return "ClientFlags[server=" + server + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", tlsSkipVerify=" + tlsSkipVerify + "]";
    }
}
