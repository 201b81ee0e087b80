package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

/** server.tls: how the server serves HTTPS and which scheme agents are told to use. */
public record TlsSection(String certFile, String keyFile, boolean useTls, boolean agentUseTls) {
    public TlsSection {
        requireNonNull(certFile, "certFile is null");
        requireNonNull(keyFile, "keyFile is null");
    }
}
