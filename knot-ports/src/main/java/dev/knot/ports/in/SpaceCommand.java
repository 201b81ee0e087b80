package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A space's editable fields, for create and update.
 *
 * @param agentUrl where the hand-installed agent listens; only kept for the Manual template
 * @param owner whose space it is; empty = the actor's. Ignored on update: a space never changes owner
 * @param volumeSizes GB per template volume id; ignored on update, as in the original
 * @param altNames extra names; blanks, duplicates and the primary name are dropped
 */
public record SpaceCommand(
        String name,
        Id<Template> templateId,
        String agentUrl,
        Shell shell,
        Optional<Id<User>> owner,
        Map<String, Long> volumeSizes,
        List<String> altNames) {
    public SpaceCommand {
        requireNonNull(name, "name is null");
        requireNonNull(templateId, "templateId is null");
        requireNonNull(agentUrl, "agentUrl is null");
        requireNonNull(shell, "shell is null");
        requireNonNull(owner, "owner is null");
        volumeSizes = Map.copyOf(requireNonNull(volumeSizes, "volumeSizes is null"));
        altNames = List.copyOf(requireNonNull(altNames, "altNames is null"));
    }
}
