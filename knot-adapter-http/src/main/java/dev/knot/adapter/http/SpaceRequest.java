package dev.knot.adapter.http;

import static java.util.Objects.requireNonNullElse;

import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /spaces} and {@code PUT /spaces/{space_id}}, with the original's fields ({@code location}
 * is accepted and ignored, as the original did). On update a missing field keeps the space's current value; the
 * owner and the volume sizes never change after creation.
 */
record SpaceRequest(
        String name,
        String templateId,
        String agentUrl,
        String shell,
        String userId,
        Map<String, Long> volumeSizes,
        List<String> altNames,
        String location) {

    SpaceCommand toCreateCommand() {
        if (name == null) {
            throw KnotException.invalid("name: is required");
        }
        if (templateId == null) {
            throw KnotException.invalid("template_id: is required");
        }
        Optional<Id<User>> owner = userId == null || userId.isEmpty() ? Optional.empty() : Optional.of(id("user_id",
                userId));
        return new SpaceCommand(name, id("template_id", templateId), requireNonNullElse(agentUrl, ""),
                shell == null ? Shell.BASH : parsedShell(), owner, volumeSizes == null ? Map.of() : volumeSizes,
                altNames == null ? List.of() : altNames);
    }

    SpaceCommand toUpdateCommand(Space current) {
        Id<Template> template = templateId == null ? current.templateId() : id("template_id", templateId);
        return new SpaceCommand(requireNonNullElse(name, current.name()), template,
                requireNonNullElse(agentUrl, current.agentUrl()), shell == null ? current.shell() : parsedShell(),
                Optional.empty(), Map.of(), altNames == null ? current.altNames() : altNames);
    }

    private Shell parsedShell() {
        return Shell.fromValue(shell).orElseThrow(() -> KnotException.invalid("shell: must be bash, zsh, fish or sh"));
    }

    private static <T> Id<T> id(String field, String value) {
        if (!Id.isValid(value)) {
            throw KnotException.invalid(field + ": not a valid id");
        }
        return Id.of(value);
    }
}
