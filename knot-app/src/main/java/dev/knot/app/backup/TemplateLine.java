package dev.knot.app.backup;

import dev.knot.ports.model.Audit;
import dev.knot.ports.model.Template;
import java.util.List;

/** A template as a backup line ("kind": "template"), the Manual template included. */
record TemplateLine(
        String id,
        String name,
        String description,
        String job,
        String volumes,
        List<String> groups,
        String createdBy,
        String createdAt,
        String updatedBy,
        String updatedAt) implements RecordLine {
    static TemplateLine of(Template template) {
        Audit audit = template.audit();
        return new TemplateLine(template.id().value(), template.name(), template.description(), template.job(),
                template.volumes(), LineValues.idTexts(template.groups()), audit.createdBy().value(),
                LineValues.text(audit.createdAt()), audit.updatedBy().value(), LineValues.text(audit.updatedAt()));
    }

    @Override
    public Template toModel() {
        return new Template(LineValues.id("id", id), name, description, job, volumes,
                LineValues.ids("groups", groups), AuditValues.audit(createdBy, createdAt, updatedBy, updatedAt));
    }
}
