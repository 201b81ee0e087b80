package dev.knot.adapter.http;

import static java.util.Objects.requireNonNullElse;

import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Template;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /templates} and {@code PUT /templates/{template_id}}, with the original's fields. Creating
 * needs a name and a job; description and volumes default to "" and groups to none. On update a missing field keeps
 * the template's current value, so a client that sends only what it changes cannot wipe a job by omission.
 */
record TemplateRequest(String name, String job, String description, String volumes, List<String> groups) {

    TemplateCommand toCreateCommand() {
        if (name == null) {
            throw KnotException.invalid("name: is required");
        }
        if (job == null) {
            throw KnotException.invalid("job: is required");
        }
        return new TemplateCommand(name, requireNonNullElse(description, ""), job, requireNonNullElse(volumes, ""),
                groups == null ? Set.of() : GroupIds.parse(groups));
    }

    TemplateCommand toUpdateCommand(Template current) {
        return new TemplateCommand(
                requireNonNullElse(name, current.name()),
                requireNonNullElse(description, current.description()),
                requireNonNullElse(job, current.job()),
                requireNonNullElse(volumes, current.volumes()),
                groups == null ? current.groups() : GroupIds.parse(groups));
    }

    @Override
    public String toString() {
        // A job or volumes text may be megabytes long.
        return "TemplateRequest[name=" + name + ", groups=" + groups + "]";
    }
}
