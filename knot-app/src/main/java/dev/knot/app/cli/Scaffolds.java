package dev.knot.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example files `knot scaffold` prints; the server and Nomad ones get a freshly generated encryption key. */
public enum Scaffolds {
    SERVER("server.yml"),
    CLIENT("client.yml"),
    AGENT("agent.yml"),
    NOMAD("knot-server.nomad");

    private static final String KEY_PLACEHOLDER = "@ENCRYPTION_KEY@";

    private final String resource;

    Scaffolds(String resource) {
        this.resource = resource;
    }

    public String text(String encryptionKey) {
        try (InputStream in = Scaffolds.class.getResourceAsStream("/dev/knot/app/scaffold/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("scaffold resource missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), UTF_8).replace(KEY_PLACEHOLDER, encryptionKey);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read scaffold " + resource, unreadable);
        }
    }
}
