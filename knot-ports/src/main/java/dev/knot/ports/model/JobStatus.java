package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/**
 * What the scheduler says about a job.
 *
 * @param message the scheduler's explanation for FAILED (e.g. a task's last event), "" otherwise
 */
public record JobStatus(JobState state, String message) {
    public JobStatus {
        requireNonNull(state, "state is null");
        requireNonNull(message, "message is null");
    }

    public static JobStatus of(JobState state) {
        return new JobStatus(state, "");
    }

    /** A job's life as knot needs to know it. */
    public enum JobState {
        /** The scheduler has no such job (never submitted, or purged). */
        NOT_FOUND,
        /** Submitted, but no task is running yet (placing, pulling images, starting). */
        PENDING,
        /** At least one allocation's tasks are running: what "running" means for a space. */
        RUNNING,
        /** Stopped or finished: no task runs and none will be restarted. */
        DEAD,
        /** The scheduler gave up on the job (failed placement, tasks failing beyond restarts). */
        FAILED
    }
}
