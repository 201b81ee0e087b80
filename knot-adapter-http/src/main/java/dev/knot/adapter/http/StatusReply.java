package dev.knot.adapter.http;

/** The original's answer to a change that returns nothing else: {@code {"status": true}}. */
record StatusReply(boolean status) {
    static final StatusReply OK = new StatusReply(true);
}
