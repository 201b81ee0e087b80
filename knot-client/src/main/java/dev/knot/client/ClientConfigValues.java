package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The client's keys in a config file: {@code client.server}, {@code client.token}, {@code tls_skip_verify}. */
public record ClientConfigValues(Optional<String> server, Optional<String> token, Optional<Boolean> tlsSkipVerify) {
    static final ClientConfigValues NONE = new ClientConfigValues(Optional.empty(), Optional.empty(), Optional.empty());

    public ClientConfigValues {
        requireNonNull(server, "server is null");
        requireNonNull(token, "token is null");
        requireNonNull(tlsSkipVerify, "tlsSkipVerify is null");
    }

    @Override
    public String toString() {
        return "ClientConfigValues[server=" + server + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", tlsSkipVerify=" + tlsSkipVerify + "]";
    }
}
