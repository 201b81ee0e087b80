package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An allocation: one instance of a task group placed on the simulator's single node. Guarded by ClusterState. */
final class Allocation {
    final String id;
    final String evalId;
    final String namespace;
    final String jobId;
    final String groupName;
    final int groupIndex;
    final ObjectNode job;
    final Path directory;
    final Map<String, TaskState> tasks = new LinkedHashMap<>();
    final Map<String, Integer> hostPorts = new LinkedHashMap<>();
    final long createIndex;
    final Instant createTime;
    long modifyIndex;
    Instant modifyTime;
    String desiredStatus = "run";
    String desiredDescription = "";

    Allocation(String id, String evalId, ObjectNode job, String groupName, int groupIndex, Path directory,
            long createIndex, Instant createTime) {
        this.id = id;
        this.evalId = evalId;
        this.namespace = job.path("Namespace").asText();
        this.jobId = job.path("ID").asText();
        this.job = job;
        this.groupName = groupName;
        this.groupIndex = groupIndex;
        this.directory = directory;
        this.createIndex = createIndex;
        this.modifyIndex = createIndex;
        this.createTime = createTime;
        this.modifyTime = createTime;
    }

    String name() {
        return jobId + "." + groupName + "[" + groupIndex + "]";
    }

    /** Nomad's client rule: any failed task fails the alloc, then running, then pending, else complete. */
    String clientStatus() {
        if (tasks.values().stream().anyMatch(TaskState::failed)) {
            return "failed";
        }
        if (tasks.values().stream().anyMatch(task -> task.state().equals("running"))) {
            return "running";
        }
        if (tasks.isEmpty() || tasks.values().stream().anyMatch(task -> task.state().equals("pending"))) {
            return "pending";
        }
        return "complete";
    }

    /** Nomad's rule: stopped by the server, or finished on the client (a pending alloc is not terminal). */
    boolean isTerminal() {
        String client = clientStatus();
        return desiredStatus.equals("stop") || client.equals("complete") || client.equals("failed");
    }

    private String clientDescription() {
        switch (clientStatus()) {
            case "failed":
                return "Failed tasks";
            case "running":
                return "Tasks are running";
            case "complete":
                return "All tasks have completed";
            default:
                return "No tasks have started";
        }
    }

    ObjectNode toStub() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ID", id);
        json.put("EvalID", evalId);
        json.put("Name", name());
        json.put("Namespace", namespace);
        json.put("NodeID", NomadSimulator.NODE_ID);
        json.put("NodeName", NomadSimulator.NODE_NAME);
        json.put("JobID", jobId);
        json.put("JobType", job.path("Type").asText());
        json.put("JobVersion", job.path("Version").asLong());
        json.put("TaskGroup", groupName);
        json.put("DesiredStatus", desiredStatus);
        json.put("DesiredDescription", desiredDescription);
        json.put("ClientStatus", clientStatus());
        json.put("ClientDescription", clientDescription());
        ObjectNode transition = json.putObject("DesiredTransition");
        transition.putNull("Migrate");
        transition.putNull("Reschedule");
        transition.putNull("ForceReschedule");
        transition.putNull("NoShutdownDelay");
        ObjectNode taskStates = json.putObject("TaskStates");
        tasks.forEach((name, state) -> taskStates.set(name, state.toJson()));
        json.putNull("DeploymentStatus");
        json.put("FollowupEvalID", "");
        json.put("NextAllocation", "");
        json.putNull("RescheduleTracker");
        json.putNull("PreemptedAllocations");
        json.put("PreemptedByAllocation", "");
        json.put("CreateIndex", createIndex);
        json.put("ModifyIndex", modifyIndex);
        json.put("CreateTime", nanos(createTime));
        json.put("ModifyTime", nanos(modifyTime));
        return json;
    }

    ObjectNode toJson() {
        ObjectNode json = toStub();
        json.set("Job", job);
        json.put("AllocModifyIndex", modifyIndex);
        json.put("PreviousAllocation", "");
        ArrayNode ports = json.putObject("AllocatedResources").putObject("Shared").putArray("Ports");
        hostPorts.forEach((label, port) -> ports.addObject().put("Label", label).put("Value", port)
                .put("HostIP", "127.0.0.1"));
        return json;
    }

    static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
