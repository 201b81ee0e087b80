package dev.knot.app.backup;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Volume;

/** A standalone volume as a backup line ("kind": "volume"). */
record VolumeLine(
        String id,
        String name,
        String definition,
        String location,
        boolean active,
        String createdBy,
        String createdAt,
        String updatedBy,
        String updatedAt) implements RecordLine {
    static VolumeLine of(Volume volume) {
        Audit audit = volume.audit();
        return new VolumeLine(volume.id().value(), volume.name(), volume.definition(), volume.location(),
                volume.active(), audit.createdBy().value(), LineValues.text(audit.createdAt()),
                audit.updatedBy().value(), LineValues.text(audit.updatedAt()));
    }

    @Override
    public Volume toModel() {
        return new Volume(LineValues.id("id", id), name, definition, location, active,
                AuditValues.audit(createdBy, createdAt, updatedBy, updatedAt));
    }
}
