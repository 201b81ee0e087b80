package dev.knot.domain.group;

import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.UserRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Groups: listed by anyone, changed by user managers. */
public final class GroupService implements GroupUseCases {
    private final GroupRepository groups;
    private final UserRepository users;
    private final TemplateRepository templates;
    private final IdGenerator ids;
    private final Clock clock;

    public GroupService(
            GroupRepository groups, UserRepository users, TemplateRepository templates, IdGenerator ids, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.users = requireNonNull(users, "users is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Group> listGroups(User actor) {
        requireNonNull(actor, "actor is null");
        return groups.findAll();
    }

    @Override
    public Group getGroup(User actor, Id<Group> groupId) {
        requireNonNull(actor, "actor is null");
        return find(groupId);
    }

    @Override
    public Group createGroup(User actor, String name) {
        requirePermission(actor, Permission.MANAGE_USERS);
        Group group = new Group(ids.next(), name, Audit.createdBy(actor.id(), clock.now()));
        groups.save(group);
        return group;
    }

    @Override
    public Group renameGroup(User actor, Id<Group> groupId, String name) {
        requirePermission(actor, Permission.MANAGE_USERS);
        Group current = find(groupId);
        Group renamed = new Group(current.id(), name, current.audit().updatedBy(actor.id(), clock.now()));
        groups.save(renamed);
        return renamed;
    }

    @Override
    public void deleteGroup(User actor, Id<Group> groupId) {
        requirePermission(actor, Permission.MANAGE_USERS);
        find(groupId);
        // The original left dangling ids behind; a removed group must not keep granting or hiding anything.
        for (User user : users.findAll()) {
            if (user.groups().contains(groupId)) {
                users.update(user.withGroups(without(user.groups(), groupId), clock.now()));
            }
        }
        for (Template template : templates.findAll()) {
            if (template.groups().contains(groupId)) {
                templates.save(new Template(template.id(), template.name(), template.description(), template.job(),
                        template.volumes(), without(template.groups(), groupId),
                        template.audit().updatedBy(actor.id(), clock.now())));
            }
        }
        groups.delete(groupId);
    }

    private static Set<Id<Group>> without(Set<Id<Group>> groupIds, Id<Group> removed) {
        Set<Id<Group>> remaining = new HashSet<>(groupIds);
        remaining.remove(removed);
        return remaining;
    }

    private Group find(Id<Group> groupId) {
        return groups.findById(groupId).orElseThrow(() -> KnotException.notFound("group not found"));
    }
}
