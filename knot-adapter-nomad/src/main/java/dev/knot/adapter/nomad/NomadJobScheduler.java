package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.nomad.apimodel.AllocationListStub;
import com.hashicorp.nomad.apimodel.Job;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import dev.knot.ports.out.JobScheduler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Spaces as Nomad jobs, the way knot v0.9 runs them: HCL parsed by Nomad itself ({@code /v1/jobs/parse}),
 * registered as parsed, read back, stopped with purge. Status is judged from the allocations, because a job
 * whose only allocation is still pending already reports "running".
 */
final class NomadJobScheduler implements JobScheduler {
    private final NomadCalls calls;
    private final String defaultNamespace;

    @Inject
    NomadJobScheduler(NomadCalls calls, NomadConfig config) {
        this.calls = requireNonNull(calls, "calls is null");
        this.defaultNamespace = requireNonNull(config, "config is null").namespace();
    }

    @Override
    public ParsedJob parse(String hcl) {
        requireNonNull(hcl, "hcl is null");
        ObjectNode request = Json.newObject();
        request.put("JobHCL", hcl);
        request.put("Canonicalize", false);
        String answer;
        try {
            answer = calls.send(NomadOperation.PARSE_JOB, "POST", "/v1/jobs/parse", defaultNamespace,
                    Json.write(request));
        } catch (NomadRejection rejection) {
            throw calls.failures().rejected(NomadOperation.PARSE_JOB, defaultNamespace, rejection);
        }
        ObjectNode job = Json.object(answer).orElseThrow(() -> calls.failures().unreadable(
                NomadOperation.PARSE_JOB, new IllegalArgumentException("the parsed job is not a JSON object")));
        String id = Json.text(job, "ID");
        if (id.isEmpty()) {
            throw KnotException.invalid("Nomad rejected the job: the job has no ID");
        }
        String namespace = Json.text(job, "Namespace");
        return new ParsedJob(id, namespace.isEmpty() ? defaultNamespace : namespace, answer);
    }

    @Override
    public void submit(ParsedJob job, String jobId, Map<String, String> taskEnvironment) {
        requireNonNull(job, "job is null");
        requireNonNull(jobId, "jobId is null");
        requireNonNull(taskEnvironment, "taskEnvironment is null");
        if (jobId.isBlank()) {
            throw KnotException.invalid("job id: is required");
        }
        ObjectNode definition = Json.object(job.definition()).orElseThrow(() -> new KnotException(
                ErrorCode.INTERNAL, "the parsed job " + job.id() + " is not a Nomad job (JSON object)"));
        // The id is the space's, so a retried start replaces the same job; the name stays what the HCL says.
        definition.put("ID", jobId);
        if (Json.text(definition, "Name").isEmpty()) {
            definition.put("Name", jobId);
        }
        addToEveryTask(definition, taskEnvironment);
        ObjectNode request = Json.newObject();
        request.set("Job", definition);
        try {
            calls.send(NomadOperation.SUBMIT_JOB, "POST", "/v1/jobs", job.namespace(), Json.write(request));
        } catch (NomadRejection rejection) {
            throw calls.failures().rejected(NomadOperation.SUBMIT_JOB, job.namespace(), rejection);
        }
    }

    /** Nomad hands a task's Env to it as its environment; these variables win over the job's own. */
    private static void addToEveryTask(ObjectNode definition, Map<String, String> taskEnvironment) {
        if (taskEnvironment.isEmpty()) {
            return;
        }
        for (JsonNode group : definition.path("TaskGroups")) {
            for (JsonNode task : group.path("Tasks")) {
                if (task instanceof ObjectNode taskObject) {
                    ObjectNode environment = taskObject.get("Env") instanceof ObjectNode existing
                            ? existing
                            : taskObject.putObject("Env");
                    taskEnvironment.forEach(environment::put);
                }
            }
        }
    }

    @Override
    public JobStatus status(String namespace, String jobId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(jobId, "jobId is null");
        try {
            Job job = calls.sdk(NomadOperation.READ_JOB,
                    sdk -> sdk.getJobsApi().info(jobId, calls.<Job>query(namespace)).getValue());
            List<AllocationListStub> allocations = calls.sdk(NomadOperation.READ_JOB,
                    sdk -> sdk.getJobsApi().allocations(jobId, calls.<List<AllocationListStub>>query(namespace))
                            .getValue());
            return JobVerdict.of(job, allocations);
        } catch (NomadRejection rejection) {
            if (rejection.isNotFound()) {
                return JobStatus.of(JobStatus.JobState.NOT_FOUND);
            }
            throw calls.failures().rejected(NomadOperation.READ_JOB, namespace, rejection);
        }
    }

    @Override
    public void remove(String namespace, String jobId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(jobId, "jobId is null");
        try {
            calls.sdk(NomadOperation.STOP_JOB,
                    sdk -> sdk.getJobsApi().deregister(jobId, true, calls.write(namespace)));
        } catch (NomadRejection rejection) {
            if (!rejection.isNotFound()) {
                throw calls.failures().rejected(NomadOperation.STOP_JOB, namespace, rejection);
            }
        }
    }
}
