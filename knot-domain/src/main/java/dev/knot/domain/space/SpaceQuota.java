package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The owner's limits, max_spaces and max_disk_space (GB), enforced for every caller at create. The check runs
 * inside the repository's {@link SpaceRepository#createWithinQuota}, so racing creates (on any server) cannot
 * together exceed a limit. Everything the check needs is loaded first, so it only computes while the store waits.
 */
final class SpaceQuota {
    private final SpaceTemplates spaceTemplates;

    SpaceQuota(SpaceTemplates spaceTemplates) {
        this.spaceTemplates = requireNonNull(spaceTemplates, "spaceTemplates is null");
    }

    void create(SpaceRepository spaces, Space space, User owner, Supplier<List<Template>> allTemplates,
            Supplier<Map<String, String>> variables) {
        if (owner.maxSpaces() == 0 && owner.maxDiskSpace() == 0) {
            spaces.create(space);
            return;
        }
        Map<Id<Template>, Template> templates = new HashMap<>();
        allTemplates.get().forEach(template -> templates.put(template.id(), template));
        LazyVariables values = new LazyVariables(variables);
        // The new space's size must be known: a template whose volumes do not render is refused here.
        long newSize = owner.maxDiskSpace() == 0 ? 0 : spaceTemplates.sizeGb(space,
                templates.get(space.templateId()), spaceTemplates.context(space, templates.get(space.templateId()),
                        owner, "", values.get()));
        boolean created = spaces.createWithinQuota(space, existing -> {
            if (owner.maxSpaces() > 0 && existing.size() >= owner.maxSpaces()) {
                return false;
            }
            if (owner.maxDiskSpace() > 0) {
                long used = existing.stream()
                        .mapToLong(other -> templates.containsKey(other.templateId())
                                ? sizeOrZero(other, templates.get(other.templateId()), owner, values)
                                : 0)
                        .sum();
                if (used + newSize > owner.maxDiskSpace()) {
                    throw new KnotException(ErrorCode.QUOTA_EXCEEDED, "storage quota reached");
                }
            }
            return true;
        });
        if (!created) {
            throw new KnotException(ErrorCode.QUOTA_EXCEEDED, "space quota reached");
        }
    }

    /**
     * GB a space's volumes take; 0 when they cannot be worked out (its template's volumes no longer render, e.g. a
     * variable was deleted): such a space does not block its owner, and will not start either.
     */
    long sizeOrZero(Space space, Template template, User owner, LazyVariables variables) {
        try {
            return spaceTemplates.sizeGb(space, template,
                    spaceTemplates.context(space, template, owner, "", variables.get()));
        } catch (KnotException unrenderable) {
            return 0;
        }
    }
}
