package dev.knot.domain.group;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.GroupRepository;
import java.util.Set;

/** Checks that records only ever point at groups that exist. */
public final class GroupReferences {
    private GroupReferences() {}

    public static void requireExist(GroupRepository groups, Set<Id<Group>> wanted) {
        for (Id<Group> groupId : wanted) {
            if (groups.findById(groupId).isEmpty()) {
                throw KnotException.invalid("groups: unknown group " + groupId);
            }
        }
    }
}
