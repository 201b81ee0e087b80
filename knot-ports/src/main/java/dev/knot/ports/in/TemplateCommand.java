package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import java.util.Set;

/** A template's editable fields, for create and update. */
public record TemplateCommand(String name, String description, String job, String volumes, Set<Id<Group>> groups) {
    public TemplateCommand {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(job, "job is null");
        requireNonNull(volumes, "volumes is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
    }
}
