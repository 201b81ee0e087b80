package dev.knot.client;

import static java.util.Objects.requireNonNull;

/**
 * Where a websocket tunnel leads: a space's SSH server or one of its TCP ports, behind the server's {@code /proxy}
 * routes.
 *
 * @param path the websocket path on the server
 * @param description what the user asked for, as it reads in a message ("SSH of space dev")
 */
public record TunnelTarget(String path, String description) {
    public TunnelTarget {
        requireNonNull(path, "path is null");
        requireNonNull(description, "description is null");
    }

    /** {@code /proxy/spaces/<space>/ssh}. */
    public static TunnelTarget ssh(String space) {
        requireNonNull(space, "space is null");
        return new TunnelTarget("/proxy/spaces/" + ServerAddress.escapeSegment(space) + "/ssh",
                "SSH of space \"" + space + "\"");
    }

    /** {@code /proxy/spaces/<space>/port/<port>}. */
    public static TunnelTarget port(String space, int port) {
        requireNonNull(space, "space is null");
        if (port < 1 || port > 65_535) {
            throw new ClientException("the space's port must be 1..65535, got " + port);
        }
        return new TunnelTarget("/proxy/spaces/" + ServerAddress.escapeSegment(space) + "/port/" + port,
                "port " + port + " of space \"" + space + "\"");
    }
}
