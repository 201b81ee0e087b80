package dev.knot.app.backup;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Group;

/** A group as a backup line ("kind": "group"). */
record GroupLine(String id, String name, String createdBy, String createdAt, String updatedBy, String updatedAt)
        implements RecordLine {
    static GroupLine of(Group group) {
        Audit audit = group.audit();
        return new GroupLine(group.id().value(), group.name(), audit.createdBy().value(),
                LineValues.text(audit.createdAt()), audit.updatedBy().value(), LineValues.text(audit.updatedAt()));
    }

    @Override
    public Group toModel() {
        return new Group(LineValues.id("id", id), name, AuditValues.audit(createdBy, createdAt, updatedBy, updatedAt));
    }
}
