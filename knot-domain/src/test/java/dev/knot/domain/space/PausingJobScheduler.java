package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.ParsedJob;
import dev.knot.ports.out.JobScheduler;
import java.util.Map;

/** A server's way to the shared scheduler that stops before a chosen submission: a job slow to arrive. */
final class PausingJobScheduler implements JobScheduler {
    private final JobScheduler shared;
    private final Pause beforeSubmit;

    PausingJobScheduler(JobScheduler shared, Pause beforeSubmit) {
        this.shared = requireNonNull(shared, "shared is null");
        this.beforeSubmit = requireNonNull(beforeSubmit, "beforeSubmit is null");
    }

    @Override
    public ParsedJob parse(String hcl) {
        return shared.parse(hcl);
    }

    @Override
    public void submit(ParsedJob job, String jobId, Map<String, String> taskEnvironment) {
        beforeSubmit.pass();
        shared.submit(job, jobId, taskEnvironment);
    }

    @Override
    public JobStatus status(String namespace, String jobId) {
        return shared.status(namespace, jobId);
    }

    @Override
    public void remove(String namespace, String jobId) {
        shared.remove(namespace, jobId);
    }
}
