package dev.knot.adapter.nomad;

import com.hashicorp.nomad.apimodel.AllocationListStub;
import com.hashicorp.nomad.apimodel.Job;
import com.hashicorp.nomad.apimodel.TaskEvent;
import com.hashicorp.nomad.apimodel.TaskState;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.JobStatus.JobState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A job's state as knot needs it, from the job and its allocations. Nomad's own job Status is "running" as soon
 * as an allocation exists that is not finished, pending ones included (nomad-api.md §2.3.4), so RUNNING here
 * means an allocation Nomad wants running whose client runs it with at least one task running.
 */
final class JobVerdict {
    private static final String NOT_RESTARTING = "Not Restarting";

    private JobVerdict() {}

    static JobStatus of(Job job, List<AllocationListStub> allocations) {
        if (allocations.stream().anyMatch(JobVerdict::runsATask)) {
            return JobStatus.of(JobState.RUNNING);
        }
        Optional<AllocationListStub> latest = allocations.stream()
                .max(Comparator.comparing(JobVerdict::createIndex));
        boolean latestFailed = latest.filter(allocation -> "failed".equals(allocation.getClientStatus())).isPresent();
        if (Boolean.TRUE.equals(job.getStop())) {
            return JobStatus.of(JobState.DEAD);
        }
        boolean anyUnfinished = allocations.stream().anyMatch(JobVerdict::isUnfinished);
        if (latestFailed && !anyUnfinished) {
            // Nomad may still reschedule a failed service allocation later; until it places a new one, the
            // space has nothing running and the failure is the best explanation there is.
            return new JobStatus(JobState.FAILED, failureMessage(latest.get()));
        }
        if ("dead".equals(job.getStatus())) {
            return JobStatus.of(JobState.DEAD);
        }
        return JobStatus.of(JobState.PENDING);
    }

    private static boolean runsATask(AllocationListStub allocation) {
        return "run".equals(allocation.getDesiredStatus()) && "running".equals(allocation.getClientStatus())
                && taskStates(allocation).values().stream().anyMatch(task -> "running".equals(task.getState()));
    }

    /** Placed and meant to run, but not started yet or still starting. */
    private static boolean isUnfinished(AllocationListStub allocation) {
        return "run".equals(allocation.getDesiredStatus())
                && ("pending".equals(allocation.getClientStatus())
                        || "running".equals(allocation.getClientStatus()));
    }

    /**
     * The failed task's last event, e.g. {@code task "ide": Driver Failure: failed to pull image}; when that
     * event only says the task will not be restarted, the event before it (the actual failure) comes first.
     */
    private static String failureMessage(AllocationListStub allocation) {
        Map<String, TaskState> tasks = new TreeMap<>(taskStates(allocation));
        Optional<Map.Entry<String, TaskState>> failed = tasks.entrySet().stream()
                .filter(entry -> entry.getValue().getFailed())
                .findFirst()
                .or(() -> tasks.entrySet().stream().findFirst());
        if (failed.isEmpty() || failed.get().getValue().getEvents() == null
                || failed.get().getValue().getEvents().isEmpty()) {
            String description = allocation.getClientDescription();
            return description == null || description.isEmpty() ? "the allocation failed" : description;
        }
        List<TaskEvent> events = failed.get().getValue().getEvents();
        List<String> parts = new ArrayList<>();
        TaskEvent last = events.get(events.size() - 1);
        if (NOT_RESTARTING.equals(last.getType()) && events.size() > 1) {
            parts.add(describe(events.get(events.size() - 2)));
        }
        parts.add(describe(last));
        return "task \"" + failed.get().getKey() + "\": " + String.join("; ", parts);
    }

    private static String describe(TaskEvent event) {
        String text = firstNonEmpty(event.getDisplayMessage(), event.getMessage(), event.getDriverError(),
                event.getSetupError(), event.getDownloadError(), event.getValidationError(), event.getKillError());
        return text.isEmpty() ? event.getType() : event.getType() + ": " + text;
    }

    private static String firstNonEmpty(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }

    private static Map<String, TaskState> taskStates(AllocationListStub allocation) {
        return allocation.getTaskStates() == null ? Map.of() : allocation.getTaskStates();
    }

    private static BigInteger createIndex(AllocationListStub allocation) {
        return allocation.getCreateIndex() == null ? BigInteger.ZERO : allocation.getCreateIndex();
    }
}
