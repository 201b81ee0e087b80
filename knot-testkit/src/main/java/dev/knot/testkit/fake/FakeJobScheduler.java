package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import dev.knot.ports.out.JobScheduler;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JobScheduler} in memory. {@link #parse} really parses the HCL (with hcl4j) and keeps the parsed document
 * as the definition, in JSON, so tests can compare the structure of submitted jobs. Submitted jobs are PENDING
 * until a test moves them ({@link #runAll}, {@link #setState}), as Nomad's placement would; {@link #faults} injects
 * the port's failures. Thread-safe.
 */
public final class FakeJobScheduler implements JobScheduler {
    // hcl4j evaluates "${…}" while parsing; Nomad keeps runtime interpolations literal for its clients, and reads
    // the escape "$${" as a literal "${": both come out as "${".
    private static final String HIDDEN_INTERPOLATION = "__FAKE_INTERPOLATION__{";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A job as the fake holds it; {@code taskEnvironment} is what the submission added to every task's environment
     * (kept apart from the definition, which stays the parsed HCL).
     */
    public record Job(String namespace, String id, String definition, Map<String, String> taskEnvironment,
            JobStatus status) {
        public Job {
            taskEnvironment = Map.copyOf(requireNonNull(taskEnvironment, "taskEnvironment is null"));
        }

        Job withStatus(JobStatus changed) {
            return new Job(namespace, id, definition, taskEnvironment, changed);
        }
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<String> submissions = new ArrayList<>();
    private final SchedulerFaults faults = new SchedulerFaults();

    public SchedulerFaults faults() {
        return faults;
    }

    @Override
    public ParsedJob parse(String hcl) {
        requireNonNull(hcl, "hcl is null");
        Optional<KnotException> after = faults.before(Operation.PARSE);
        Map<String, Object> document = parseHcl(hcl);
        Object jobs = document.get("job");
        if (!(jobs instanceof Map<?, ?> byName) || byName.size() != 1) {
            throw KnotException.invalid("Nomad rejected the job: the file must hold exactly one job block");
        }
        Map.Entry<?, ?> job = byName.entrySet().iterator().next();
        Object namespace = job.getValue() instanceof Map<?, ?> body ? body.get("namespace") : null;
        ParsedJob parsed = new ParsedJob(String.valueOf(job.getKey()),
                namespace == null ? "default" : String.valueOf(namespace), toJson(document));
        after.ifPresent(failure -> {
            throw failure;
        });
        return parsed;
    }

    @Override
    public void submit(ParsedJob job, String jobId, Map<String, String> taskEnvironment) {
        requireNonNull(job, "job is null");
        requireNonNull(jobId, "jobId is null");
        requireNonNull(taskEnvironment, "taskEnvironment is null");
        Optional<KnotException> after = faults.before(Operation.SUBMIT);
        synchronized (this) {
            String key = key(job.namespace(), jobId);
            Job current = jobs.get(key);
            // Registering an existing job updates it in place, as Nomad does; a running one keeps running.
            JobStatus status = current != null && current.status().state() == JobState.RUNNING
                    ? current.status()
                    : JobStatus.of(JobState.PENDING);
            jobs.put(key, new Job(job.namespace(), jobId, job.definition(), taskEnvironment, status));
            submissions.add(key);
        }
        after.ifPresent(failure -> {
            throw failure;
        });
    }

    @Override
    public JobStatus status(String namespace, String jobId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(jobId, "jobId is null");
        Optional<KnotException> after = faults.before(Operation.STATUS);
        JobStatus status;
        synchronized (this) {
            Job job = jobs.get(key(namespace, jobId));
            status = job == null ? JobStatus.of(JobState.NOT_FOUND) : job.status();
        }
        after.ifPresent(failure -> {
            throw failure;
        });
        return status;
    }

    @Override
    public void remove(String namespace, String jobId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(jobId, "jobId is null");
        Optional<KnotException> after = faults.before(Operation.REMOVE);
        synchronized (this) {
            jobs.remove(key(namespace, jobId));
        }
        after.ifPresent(failure -> {
            throw failure;
        });
    }

    /** The jobs the scheduler holds now. */
    public synchronized List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<Job> job(String namespace, String jobId) {
        return Optional.ofNullable(jobs.get(key(namespace, jobId)));
    }

    /** Every submission so far, as "namespace/jobId", in order. */
    public synchronized List<String> submissions() {
        return List.copyOf(submissions);
    }

    /** Places every pending job: its tasks run. */
    public synchronized void runAll() {
        jobs.replaceAll((key, job) -> job.status().state() == JobState.PENDING
                ? job.withStatus(JobStatus.of(JobState.RUNNING))
                : job);
    }

    /** Sets a job's state, as the cluster would change it (tasks dying, placement failing). */
    public synchronized void setState(String namespace, String jobId, JobStatus status) {
        Job job = jobs.get(key(namespace, jobId));
        if (job == null) {
            throw new IllegalStateException("no job " + key(namespace, jobId));
        }
        jobs.put(key(namespace, jobId), job.withStatus(status));
    }

    private static String key(String namespace, String jobId) {
        return namespace + "/" + jobId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseHcl(String hcl) {
        try {
            Map<String, Object> document = new HCLParser().parse(hcl.replace("$${", HIDDEN_INTERPOLATION)
                    .replace("${", HIDDEN_INTERPOLATION));
            return (Map<String, Object>) restore(document);
        } catch (Exception | StackOverflowError failure) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT, "Nomad rejected the job: it does not parse");
        }
    }

    private static Object restore(Object value) {
        if (value instanceof String text) {
            return text.replace(HIDDEN_INTERPOLATION, "${");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(restore(key)), restore(entry)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FakeJobScheduler::restore).toList();
        }
        return value;
    }

    private static String toJson(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a parsed HCL document is always JSON", impossible);
        }
    }
}
