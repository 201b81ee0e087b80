package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Group;

final class GroupCodec implements RecordCodec<Group> {
    @Override
    public String noun() {
        return "group";
    }

    @Override
    public ObjectNode write(Group group) {
        ObjectNode node = Json.object();
        node.put("group_id", group.id().value());
        node.put("name", group.name());
        AuditFields.write(node, group.audit());
        return node;
    }

    @Override
    public Group read(StoredObject stored) {
        return new Group(stored.id("group_id"), stored.text("name"), AuditFields.read(stored));
    }
}
