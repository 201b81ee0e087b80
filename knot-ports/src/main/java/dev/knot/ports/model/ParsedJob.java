package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/**
 * A job the scheduler has parsed from HCL: its id and namespace as the job declares them, and the scheduler's own
 * representation, which only the scheduler adapter reads.
 *
 * @param definition opaque to the domain (for Nomad: the job JSON that /v1/jobs/parse returned)
 */
public record ParsedJob(String id, String namespace, String definition) {
    public ParsedJob {
        requireNonNull(id, "id is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(definition, "definition is null");
    }

    @Override
    public String toString() {
        // The definition holds rendered variables, protected ones included.
        return "ParsedJob[id=" + id + ", namespace=" + namespace + "]";
    }
}
