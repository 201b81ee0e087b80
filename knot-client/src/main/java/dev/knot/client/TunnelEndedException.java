package dev.knot.client;

/** The server ended an open tunnel on purpose (websocket close 1008), with its reason. */
final class TunnelEndedException extends ClientException {
    private static final long serialVersionUID = 1L;

    TunnelEndedException(String reason) {
        super("the server ended the tunnel" + (reason == null || reason.isBlank() ? "" : ": " + printable(reason)));
    }

    /** The reason without control characters: it is printed to a terminal, and it comes from the network. */
    private static String printable(String reason) {
        return reason.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
