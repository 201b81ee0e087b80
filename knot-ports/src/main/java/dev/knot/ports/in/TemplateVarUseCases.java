package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Map;

/** Managing template variables (manage-templates permission), and resolving them for rendering. */
public interface TemplateVarUseCases {
    List<TemplateVarView> listVariables(User actor);

    TemplateVarView getVariable(User actor, Id<TemplateVar> variableId);

    TemplateVarView createVariable(User actor, TemplateVarCommand command);

    TemplateVarView updateVariable(User actor, Id<TemplateVar> variableId, TemplateVarCommand command);

    void deleteVariable(User actor, Id<TemplateVar> variableId);

    /**
     * Every variable that applies at {@code location} (its own location or none), decrypted, by name; a variable
     * bound to the location wins over one for every location.
     *
     * @throws dev.knot.ports.model.KnotException SECRET_UNREADABLE naming the variable when a protected value
     *     cannot be decrypted (tampered, or another key); nothing else is affected
     */
    Map<String, String> resolveValues(String location);
}
