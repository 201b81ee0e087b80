package dev.knot.ports.in;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.User;
import java.util.List;

/** Managing groups: anyone may list them; changing them needs the manage-users permission. */
public interface GroupUseCases {
    List<Group> listGroups(User actor);

    Group getGroup(User actor, Id<Group> groupId);

    Group createGroup(User actor, String name);

    Group renameGroup(User actor, Id<Group> groupId, String name);

    /** Removes the group and every reference to it from users and templates. */
    void deleteGroup(User actor, Id<Group> groupId);
}
