package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Audit;

/** The audit fields administrative records share, named as the original's columns. */
final class AuditFields {
    private AuditFields() {}

    static void write(ObjectNode node, Audit audit) {
        node.put("created_user_id", audit.createdBy().value());
        node.put("created_at", audit.createdAt().toString());
        node.put("updated_user_id", audit.updatedBy().value());
        node.put("updated_at", audit.updatedAt().toString());
    }

    static Audit read(StoredObject stored) {
        return new Audit(stored.id("created_user_id"), stored.instant("created_at"), stored.id("updated_user_id"),
                stored.instant("updated_at"));
    }
}
