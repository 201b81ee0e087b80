package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** server.nomad: the Nomad API the server submits space jobs to. */
public record NomadSection(URI address, Secret token) {
    public NomadSection {
        requireNonNull(address, "address is null");
        requireNonNull(token, "token is null");
    }
}
