package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** The defaults Nomad fills in when it canonicalizes a job (on register, or parse with Canonicalize=true). */
final class JobDefaults {
    static final int DEFAULT_CPU = 100;
    static final int DEFAULT_MEMORY_MB = 300;
    private static final long DEFAULT_KILL_TIMEOUT_NANOS = Duration.ofSeconds(5).toNanos();

    private JobDefaults() {
    }

    static void apply(ObjectNode job, String namespace) {
        setIfMissing(job, "Region", "global");
        setIfMissing(job, "Namespace", namespace);
        if (isMissing(job.get("Name"))) {
            job.set("Name", job.get("ID"));
        }
        setIfMissing(job, "Type", "service");
        setIfMissing(job, "Priority", 50);
        setIfMissing(job, "AllAtOnce", false);
        setIfMissing(job, "NodePool", "default");
        setIfMissing(job, "Stop", false);
        if (isMissing(job.get("Datacenters")) || job.get("Datacenters").isEmpty()) {
            job.putArray("Datacenters").add("*");
        }
        for (JsonNode group : job.withArray("TaskGroups")) {
            ObjectNode groupObject = (ObjectNode) group;
            setIfMissing(groupObject, "Count", 1);
            for (JsonNode task : groupObject.withArray("Tasks")) {
                ObjectNode taskObject = (ObjectNode) task;
                setIfMissing(taskObject, "KillTimeout", DEFAULT_KILL_TIMEOUT_NANOS);
                ObjectNode resources = isMissing(taskObject.get("Resources"))
                        ? taskObject.putObject("Resources") : (ObjectNode) taskObject.get("Resources");
                setIfMissing(resources, "CPU", DEFAULT_CPU);
                setIfMissing(resources, "MemoryMB", DEFAULT_MEMORY_MB);
            }
        }
    }

    static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static void setIfMissing(ObjectNode node, String field, String value) {
        if (isMissing(node.get(field))) {
            node.put(field, value);
        }
    }

    private static void setIfMissing(ObjectNode node, String field, long value) {
        if (isMissing(node.get(field))) {
            node.put(field, value);
        }
    }

    private static void setIfMissing(ObjectNode node, String field, boolean value) {
        if (isMissing(node.get(field))) {
            node.put(field, value);
        }
    }
}
