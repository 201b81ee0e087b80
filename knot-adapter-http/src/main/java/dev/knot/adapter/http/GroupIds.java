package dev.knot.adapter.http;

import static java.lang.String.format;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code groups} list of a request body: group ids, each checked here so the 400 says which entry is wrong. */
final class GroupIds {
    private GroupIds() {}

    static Set<Id<Group>> parse(List<String> groups) {
        Set<Id<Group>> result = new LinkedHashSet<>();
        for (int index = 0; index < groups.size(); index++) {
            String group = groups.get(index);
            if (!Id.isValid(group)) {
                throw KnotException.invalid(format("groups[%d]: not a valid group id", index));
            }
            result.add(Id.of(group));
        }
        return result;
    }

    /** Sorted, so answers do not depend on the order a set happens to iterate in. */
    static List<String> sorted(Set<Id<Group>> groups) {
        return groups.stream().map(Id<Group>::value).sorted().toList();
    }
}
