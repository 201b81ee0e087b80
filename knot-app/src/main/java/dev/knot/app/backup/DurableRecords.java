package dev.knot.app.backup;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every durable record of a store, as a backup carries it. */
public record DurableRecords(
        List<Group> groups,
        List<User> users,
        List<Template> templates,
        List<TemplateVar> templateVars,
        List<Volume> volumes,
        List<Space> spaces,
        List<Token> tokens) {
    public DurableRecords {
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        users = List.copyOf(requireNonNull(users, "users is null"));
        templates = List.copyOf(requireNonNull(templates, "templates is null"));
        templateVars = List.copyOf(requireNonNull(templateVars, "templateVars is null"));
        volumes = List.copyOf(requireNonNull(volumes, "volumes is null"));
        spaces = List.copyOf(requireNonNull(spaces, "spaces is null"));
        tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
    }

    /** Everything the store's repositories list now. */
    static DurableRecords readFrom(DurableStore store) {
        return new DurableRecords(store.groups().findAll(), store.users().findAll(), store.templates().findAll(),
                store.templateVars().findAll(), store.volumes().findAll(), store.spaces().findAll(),
                store.tokens().findAll());
    }

    /** The records of one kind. */
    public List<?> ofKind(RecordKind kind) {
        return switch (kind) {
            case GROUP -> groups;
            case USER -> users;
            case TEMPLATE -> templates;
            case TEMPLATE_VAR -> templateVars;
            case VOLUME -> volumes;
            case SPACE -> spaces;
            case TOKEN -> tokens;
        };
    }

    /** How many records of each kind, every kind present, in {@link RecordKind} order. */
    public Map<RecordKind, Integer> counts() {
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind, ofKind(kind).size());
        }
        return counts;
    }

    public int total() {
        return counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "users: 2, groups: 1, ...": the counts for the operator. */
    public String describeCounts() {
        return Arrays.stream(RecordKind.values())
                .map(kind -> kind.pluralDisplayName() + ": " + ofKind(kind).size())
                .collect(joining(", "));
    }
}
