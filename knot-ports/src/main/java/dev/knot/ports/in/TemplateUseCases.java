package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.List;

/** Managing templates: changing them needs the manage-templates permission. */
public interface TemplateUseCases {
    /** Makes sure the Manual template exists (knot does this on every start). */
    void ensureManualTemplate();

    /** The templates the actor may use: those without groups, those sharing a group, or all for a template manager. */
    List<Template> listTemplates(User actor);

    Template getTemplate(User actor, Id<Template> templateId);

    Template createTemplate(User actor, TemplateCommand command);

    Template updateTemplate(User actor, Id<Template> templateId, TemplateCommand command);

    /** Refuses the Manual template (INVALID_ARGUMENT) and templates in use by spaces (LOCKED). */
    void deleteTemplate(User actor, Id<Template> templateId);
}
