package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulator's state store: jobs, evaluations, allocations, CSI volumes and namespaces, with a raft-like index
 * that grows on every write and a per-table index for blocking queries. Every method holds this object's monitor;
 * writers notify it so that blocking queries re-run.
 */
final class ClusterState {
    static final String JOBS = "jobs";
    static final String ALLOCS = "allocs";
    static final String EVALS = "evals";
    static final String VOLUMES = "csi_volumes";
    static final String NAMESPACES = "namespaces";

    /** A query result and the index it reflects (X-Nomad-Index). */
    record Indexed<T>(long index, T value) {
    }

    /** What a register did: the eval it created, the job's indexes, and allocations a changed spec replaces. */
    record Registration(String evalId, long index, long jobModifyIndex, boolean placementNeeded,
            List<Allocation> replaced) {
    }

    private long index = 1;
    private final Map<String, Long> tableIndexes = new HashMap<>();
    private final Map<String, Long> namespaces = new LinkedHashMap<>();
    private final Map<String, StoredJob> jobs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> evaluations = new LinkedHashMap<>();
    private final Map<String, Allocation> allocations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> volumes = new LinkedHashMap<>();

    ClusterState(Collection<String> extraNamespaces) {
        namespaces.put("default", 1L);
        extraNamespaces.forEach(name -> namespaces.put(name, 1L));
        for (String table : List.of(JOBS, ALLOCS, EVALS, VOLUMES, NAMESPACES)) {
            tableIndexes.put(table, 1L);
        }
    }

    private static String key(String namespace, String id) {
        return namespace + "\u0000" + id;
    }

    private long write(String... tables) {
        index++;
        for (String table : tables) {
            tableIndexes.put(table, index);
        }
        notifyAll();
        return index;
    }

    synchronized long tableIndex(String table) {
        return tableIndexes.get(table);
    }

    /**
     * Runs the query until its index passes {@code minIndex} or the wait ends, as Nomad's blocking queries do:
     * a minIndex of 0 answers at once, and a timeout answers with the unchanged index.
     */
    synchronized <T> Indexed<T> await(long minIndex, Duration wait, Supplier<Indexed<T>> query) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Indexed<T> result = query.get();
            long remaining = deadline - System.nanoTime();
            if (minIndex == 0 || result.index() > minIndex || remaining <= 0) {
                return result;
            }
            try {
                wait(Math.max(1, remaining / 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    synchronized boolean namespaceExists(String namespace) {
        return namespaces.containsKey(namespace);
    }

    synchronized Indexed<List<ObjectNode>> namespaces() {
        List<ObjectNode> result = new ArrayList<>();
        namespaces.forEach((name, created) -> {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("Name", name);
            json.put("Description", name.equals("default") ? "Default shared namespace" : "");
            json.put("Quota", "");
            json.putNull("Capabilities");
            json.putNull("Meta");
            json.put("CreateIndex", created);
            json.put("ModifyIndex", created);
            result.add(json);
        });
        return new Indexed<>(tableIndexes.get(NAMESPACES), result);
    }

    // ---- jobs

    synchronized Registration register(ObjectNode spec, Instant now) {
        String namespace = spec.path("Namespace").asText();
        String id = spec.path("ID").asText();
        if (!namespaces.containsKey(namespace)) {
            throw NomadError.serverError("job \"" + id + "\" is in nonexistent namespace \"" + namespace + "\"");
        }
        StoredJob existing = jobs.get(key(namespace, id));
        boolean changed = existing == null || existing.stop || !existing.spec.equals(spec);
        long writeIndex = write(JOBS, EVALS);
        StoredJob job = existing;
        List<Allocation> replaced = new ArrayList<>();
        if (existing == null) {
            job = new StoredJob(namespace, id, spec, writeIndex, now);
            jobs.put(key(namespace, id), job);
        } else if (changed) {
            job.spec = spec;
            job.version++;
            job.stop = false;
            job.modifyIndex = writeIndex;
            job.jobModifyIndex = writeIndex;
            job.submitTime = now;
            for (Allocation allocation : allocationsOf(namespace, id)) {
                if (!allocation.isTerminal()) {
                    replaced.add(allocation);
                }
            }
        }
        String evalId = evaluation(job, "job-register", writeIndex, now);
        return new Registration(evalId, writeIndex, job.jobModifyIndex, changed, replaced);
    }

    private String evaluation(StoredJob job, String trigger, long writeIndex, Instant now) {
        ObjectNode eval = JsonNodeFactory.instance.objectNode();
        String id = UUID.randomUUID().toString();
        eval.put("ID", id);
        eval.put("Namespace", job.namespace);
        eval.put("Priority", job.spec.path("Priority").asInt(50));
        eval.put("Type", job.spec.path("Type").asText("service"));
        eval.put("TriggeredBy", trigger);
        eval.put("JobID", job.id);
        eval.put("JobModifyIndex", job.jobModifyIndex);
        eval.put("Status", "complete");
        eval.put("StatusDescription", "");
        eval.put("CreateIndex", writeIndex);
        eval.put("ModifyIndex", writeIndex);
        eval.put("CreateTime", Allocation.nanos(now));
        eval.put("ModifyTime", Allocation.nanos(now));
        evaluations.put(id, eval);
        return id;
    }

    synchronized Indexed<ObjectNode> evaluation(String id) {
        ObjectNode eval = evaluations.get(id);
        if (eval == null) {
            throw NomadError.notFound("eval not found");
        }
        return new Indexed<>(eval.path("ModifyIndex").asLong(), eval);
    }

    /** Deregisters; returns the eval id ("" for a missing job, as Nomad 1.6+) and the allocations to stop. */
    synchronized Map.Entry<Indexed<String>, List<Allocation>> deregister(String namespace, String id, boolean purge,
            Instant now) {
        StoredJob job = jobs.get(key(namespace, id));
        if (job == null) {
            return Map.entry(new Indexed<>(tableIndexes.get(JOBS), ""), List.of());
        }
        long writeIndex = write(JOBS, EVALS);
        if (purge) {
            jobs.remove(key(namespace, id));
        } else {
            job.stop = true;
            job.version++;
            job.modifyIndex = writeIndex;
            job.jobModifyIndex = writeIndex;
        }
        String evalId = evaluation(job, "job-deregister", writeIndex, now);
        List<Allocation> toStop = new ArrayList<>();
        for (Allocation allocation : allocationsOf(namespace, id)) {
            if (!allocation.desiredStatus.equals("stop")) {
                toStop.add(allocation);
            }
        }
        refreshStatus(job);
        return Map.entry(new Indexed<>(writeIndex, evalId), toStop);
    }

    synchronized Indexed<ObjectNode> job(String namespace, String id) {
        StoredJob job = jobs.get(key(namespace, id));
        if (job == null) {
            throw new NotFoundAtIndex("job not found", tableIndexes.get(JOBS));
        }
        return new Indexed<>(job.modifyIndex, job.toJson());
    }

    synchronized Indexed<List<ObjectNode>> jobs(String namespace, String prefix) {
        List<ObjectNode> result = new ArrayList<>();
        for (StoredJob job : jobs.values()) {
            if ((namespace.equals("*") || job.namespace.equals(namespace)) && job.id.startsWith(prefix)) {
                result.add(job.toStub());
            }
        }
        return new Indexed<>(tableIndexes.get(JOBS), result);
    }

    // ---- allocations

    /** Places Count allocations per group of the job's current version (pending, tasks pending). */
    synchronized List<Allocation> place(String namespace, String id, Path baseDirectory, Instant now) {
        StoredJob job = jobs.get(key(namespace, id));
        if (job == null || job.stop) {
            return List.of();
        }
        String evalId = evaluations.values().stream()
                .filter(eval -> eval.path("JobID").asText().equals(id)
                        && eval.path("Namespace").asText().equals(namespace))
                .reduce((first, second) -> second).map(eval -> eval.path("ID").asText()).orElse("");
        long writeIndex = write(ALLOCS);
        ObjectNode snapshot = job.toJson();
        List<Allocation> placed = new ArrayList<>();
        for (JsonNode group : job.spec.withArray("TaskGroups")) {
            for (int instance = 0; instance < group.path("Count").asInt(1); instance++) {
                String allocId = UUID.randomUUID().toString();
                Allocation allocation = new Allocation(allocId, evalId, snapshot, group.path("Name").asText(),
                        instance, baseDirectory.resolve(allocId), writeIndex, now);
                for (JsonNode task : group.withArray("Tasks")) {
                    TaskState state = new TaskState();
                    state.event(now, "Received", "Task received by client", null, false);
                    allocation.tasks.put(task.path("Name").asText(), state);
                }
                allocations.put(allocId, allocation);
                placed.add(allocation);
            }
        }
        refreshStatus(job);
        return placed;
    }

    /** Changes an allocation (its client side or desired state), bumping its index and its job's status. */
    synchronized void update(Allocation allocation, Instant now, Consumer<Allocation> change) {
        change.accept(allocation);
        allocation.modifyIndex = write(ALLOCS);
        allocation.modifyTime = now;
        StoredJob job = jobs.get(key(allocation.namespace, allocation.jobId));
        if (job != null) {
            refreshStatus(job);
        }
    }

    /** A job's allocations; with {@code all}, also those of an earlier job purged under the same id. */
    synchronized Indexed<List<ObjectNode>> allocationsOfJob(String namespace, String id, boolean all) {
        StoredJob job = jobs.get(key(namespace, id));
        List<Allocation> chosen = all || job == null ? allocationsOf(namespace, id) : currentAllocationsOf(job);
        List<ObjectNode> result = new ArrayList<>();
        chosen.forEach(allocation -> result.add(allocation.toStub()));
        return new Indexed<>(tableIndexes.get(ALLOCS), result);
    }

    synchronized Indexed<List<ObjectNode>> allocations(String namespace) {
        List<ObjectNode> result = new ArrayList<>();
        for (Allocation allocation : allocations.values()) {
            if (namespace.equals("*") || allocation.namespace.equals(namespace)) {
                result.add(allocation.toStub());
            }
        }
        return new Indexed<>(tableIndexes.get(ALLOCS), result);
    }

    synchronized Indexed<ObjectNode> allocation(String id) {
        Allocation allocation = allocations.get(id);
        if (allocation == null) {
            throw new NotFoundAtIndex("alloc not found", tableIndexes.get(ALLOCS));
        }
        return new Indexed<>(allocation.modifyIndex, allocation.toJson());
    }

    synchronized Path allocationDirectory(String id) {
        Allocation allocation = allocations.get(id);
        if (allocation == null) {
            throw NomadError.notFound("Unknown allocation \"" + id + "\"");
        }
        return allocation.directory;
    }

    private List<Allocation> allocationsOf(String namespace, String id) {
        List<Allocation> result = new ArrayList<>();
        for (Allocation allocation : allocations.values()) {
            if (allocation.namespace.equals(namespace) && allocation.jobId.equals(id)) {
                result.add(allocation);
            }
        }
        return result;
    }

    /** Allocations of this job, not of an earlier one purged under the same id (Nomad matches CreateIndex). */
    private List<Allocation> currentAllocationsOf(StoredJob job) {
        return allocationsOf(job.namespace, job.id).stream()
                .filter(allocation -> allocation.job.path("CreateIndex").asLong() == job.createIndex).toList();
    }

    /** Nomad's getJobStatus: running while any alloc is non-terminal (pending included), dead once all are. */
    private void refreshStatus(StoredJob job) {
        List<Allocation> owned = currentAllocationsOf(job);
        String status;
        if (owned.stream().anyMatch(allocation -> !allocation.isTerminal())) {
            status = "running";
        } else if (job.stop || !owned.isEmpty()) {
            status = "dead";
        } else {
            status = "pending";
        }
        if (!status.equals(job.status)) {
            job.status = status;
            job.modifyIndex = write(JOBS);
        }
    }

    // ---- CSI volumes

    synchronized long createVolume(ObjectNode volume, Instant now) {
        String id = volume.path("ID").asText();
        String namespace = volume.path("Namespace").asText();
        if (!namespaces.containsKey(namespace)) {
            throw NomadError.serverError("volume " + id + " is in nonexistent namespace " + namespace);
        }
        ObjectNode existing = volumes.get(key(namespace, id));
        long writeIndex = write(VOLUMES);
        volume.put("CreateIndex", existing == null ? writeIndex : existing.path("CreateIndex").asLong());
        volume.put("ModifyIndex", writeIndex);
        volume.put("Schedulable", true);
        volume.put("Provider", "nomad-simulator");
        volume.put("ProviderVersion", "0");
        volume.put("ControllerRequired", true);
        volume.put("ControllersHealthy", 1);
        volume.put("ControllersExpected", 1);
        volume.put("NodesHealthy", 1);
        volume.put("NodesExpected", 1);
        volume.put("ResourceExhausted", "0001-01-01T00:00:00Z");
        volume.put("ExternalID", existing == null ? "sim-" + id : existing.path("ExternalID").asText());
        volumes.put(key(namespace, id), volume);
        return writeIndex;
    }

    synchronized long deleteVolume(String namespace, String id) {
        if (!volumes.containsKey(key(namespace, id))) {
            // Nomad's quirk: a missing volume on /delete is a 500, not a 404 (nomad-api.md §2.3.8).
            throw NomadError.serverError("volume not found: " + id);
        }
        for (Allocation allocation : allocations.values()) {
            if (allocation.namespace.equals(namespace) && !allocation.isTerminal() && claims(allocation, id)) {
                throw NomadError.serverError("volume in use: " + id);
            }
        }
        volumes.remove(key(namespace, id));
        return write(VOLUMES);
    }

    private static boolean claims(Allocation allocation, String volumeId) {
        for (JsonNode group : allocation.job.withArray("TaskGroups")) {
            if (group.path("Name").asText().equals(allocation.groupName)) {
                for (JsonNode volume : group.path("Volumes")) {
                    if (volume.path("Type").asText().equals("csi")
                            && volume.path("Source").asText().equals(volumeId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    synchronized Indexed<ObjectNode> volume(String namespace, String id) {
        ObjectNode volume = volumes.get(key(namespace, id));
        if (volume == null) {
            throw new NotFoundAtIndex("volume not found", tableIndexes.get(VOLUMES));
        }
        return new Indexed<>(volume.path("ModifyIndex").asLong(), volume);
    }

    synchronized Indexed<List<ObjectNode>> volumes(String namespace, String prefix) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode volume : volumes.values()) {
            if ((namespace.equals("*") || volume.path("Namespace").asText().equals(namespace))
                    && volume.path("ID").asText().startsWith(prefix)) {
                ObjectNode stub = volume.objectNode();
                for (String field : new String[] {"ID", "ExternalID", "Namespace", "Name", "Topologies",
                    "AccessMode", "AttachmentMode", "Schedulable", "PluginID", "Provider", "ControllerRequired",
                    "ControllersHealthy", "ControllersExpected", "NodesHealthy", "NodesExpected",
                    "ResourceExhausted", "CreateIndex", "ModifyIndex"}) {
                    stub.set(field, volume.get(field));
                }
                stub.put("CurrentReaders", 0);
                stub.put("CurrentWriters", 0);
                result.add(stub);
            }
        }
        return new Indexed<>(tableIndexes.get(VOLUMES), result);
    }
}
