package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

/** A request refused by HTTP rules rather than by the domain: unknown path, wrong method, body too large or not JSON. */
final class RejectedRequestException extends RuntimeException {
    private final transient ErrorReply reply;

    RejectedRequestException(ErrorReply reply) {
        super(requireNonNull(reply, "reply is null").message(), null, false, false);
        this.reply = reply;
    }

    ErrorReply reply() {
        return reply;
    }
}
