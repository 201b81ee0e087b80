package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A registered job: the spec as submitted (canonicalized) plus the fields the server owns. Guarded by ClusterState. */
final class StoredJob {
    final String namespace;
    final String id;
    final long createIndex;
    ObjectNode spec;
    long version;
    long modifyIndex;
    long jobModifyIndex;
    Instant submitTime;
    boolean stop;
    String status = "pending";

    StoredJob(String namespace, String id, ObjectNode spec, long index, Instant submitTime) {
        this.namespace = namespace;
        this.id = id;
        this.spec = spec;
        this.createIndex = index;
        this.modifyIndex = index;
        this.jobModifyIndex = index;
        this.submitTime = submitTime;
    }

    ObjectNode toJson() {
        ObjectNode json = spec.deepCopy();
        json.put("Stop", stop);
        json.put("Status", status);
        json.put("StatusDescription", "");
        json.put("Stable", false);
        json.put("Version", version);
        json.put("SubmitTime", Allocation.nanos(submitTime));
        json.put("CreateIndex", createIndex);
        json.put("ModifyIndex", modifyIndex);
        json.put("JobModifyIndex", jobModifyIndex);
        return json;
    }

    ObjectNode toStub() {
        ObjectNode json = spec.objectNode();
        ObjectNode full = toJson();
        for (String field : new String[] {"ID", "ParentID", "Name", "Namespace", "Datacenters", "NodePool", "Type",
            "Priority", "Periodic", "ParameterizedJob", "Stop", "Status", "StatusDescription"}) {
            json.set(field, full.get(field));
        }
        json.put("CreateIndex", createIndex);
        json.put("ModifyIndex", modifyIndex);
        json.put("JobModifyIndex", jobModifyIndex);
        json.put("SubmitTime", Allocation.nanos(submitTime));
        return json;
    }
}
