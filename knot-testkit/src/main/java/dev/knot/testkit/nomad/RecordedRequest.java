package dev.knot.testkit.nomad;

import static java.util.Objects.requireNonNull;

/**
 * A request the simulator received, for tests that assert what a client sent ("purge=true", one register).
 * The query is as sent (raw); the token header is not kept.
 */
public record RecordedRequest(String method, String path, String query, String body) {
    public RecordedRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(query, "query is null");
        requireNonNull(body, "body is null");
    }

    /** "METHOD /path" with "?query" when there is one, e.g. "DELETE /v1/job/space-1?purge=true&namespace=dev". */
    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
