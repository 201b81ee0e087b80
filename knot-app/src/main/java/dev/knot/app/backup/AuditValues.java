package dev.knot.app.backup;

import dev.knot.ports.model.Audit;

/** The four audit fields every administrative record's line carries: created_by/at, updated_by/at. */
final class AuditValues {
    private AuditValues() {}

    static Audit audit(String createdBy, String createdAt, String updatedBy, String updatedAt) {
        return new Audit(LineValues.id("created_by", createdBy), LineValues.instant("created_at", createdAt),
                LineValues.id("updated_by", updatedBy), LineValues.instant("updated_at", updatedAt));
    }
}
