package dev.knot.ports.out;

import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.ParsedJob;
import java.util.Map;

/**
 * Runs spaces as jobs on the cluster scheduler (Nomad). Calls are not retried by the adapter: the domain decides.
 * Failures are KnotExceptions: SCHEDULER_UNAVAILABLE when the scheduler cannot be reached or answers 5xx (naming
 * the scheduler), PERMISSION_DENIED when its token lacks a permission, INVALID_ARGUMENT when it rejects the job
 * (with its text).
 */
public interface JobScheduler {
    /** Parses job HCL (already rendered) into the scheduler's representation, without submitting it. */
    ParsedJob parse(String hcl);

    /**
     * Submits (registers) the job under {@code jobId}, replacing the id the HCL declared so that a retried start
     * updates the same job instead of making a second one.
     *
     * @param taskEnvironment variables added to the environment of every task of the job, over any the job itself
     *     sets under the same names; values may be secrets, so they are never logged
     */
    void submit(ParsedJob job, String jobId, Map<String, String> taskEnvironment);

    /** The job's state, judged from its allocations (a job can say "running" while its tasks are still pending). */
    JobStatus status(String namespace, String jobId);

    /** Stops the job and purges it. Idempotent: a job that is already gone is not an error. */
    void remove(String namespace, String jobId);
}
