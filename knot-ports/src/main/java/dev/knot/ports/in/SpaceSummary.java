package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Space;

/**
 * One space as a list shows it, with the names of what it refers to.
 *
 * @param templateName "" when the template is gone
 * @param ownerName the owner's username, "" when the owner is gone
 * @param volumeSize GB the space's volumes take, as the quota counts them
 */
public record SpaceSummary(Space space, String templateName, String ownerName, long volumeSize) {
    public SpaceSummary {
        requireNonNull(space, "space is null");
        requireNonNull(templateName, "templateName is null");
        requireNonNull(ownerName, "ownerName is null");
    }
}
