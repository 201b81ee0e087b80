package dev.knot.ports.model;


/** A named set of users; templates restricted to groups are offered only to their members. */
public record Group(Id<Group> id, String name, Audit audit) {
    public Group {
        Checks.notNull("group_id", id);
        Checks.length("name", name, 1, 64);
        Checks.notNull("audit", audit);
    }
}
