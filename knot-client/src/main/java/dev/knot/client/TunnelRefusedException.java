package dev.knot.client;

/** The server answered a tunnel's websocket handshake with an error status instead of opening it. */
public final class TunnelRefusedException extends ClientException {
    private static final long serialVersionUID = 1L;

    private final int status;

    TunnelRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401 or 403: the token cannot be used for this, so trying again with it is pointless. */
    public boolean credentialRefused() {
        return status == 401 || status == 403;
    }
}
