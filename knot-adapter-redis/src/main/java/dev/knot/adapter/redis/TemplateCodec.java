package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Template;

final class TemplateCodec implements RecordCodec<Template> {
    @Override
    public String noun() {
        return "template";
    }

    @Override
    public ObjectNode write(Template template) {
        ObjectNode node = Json.object();
        node.put("template_id", template.id().value());
        node.put("name", template.name());
        node.put("description", template.description());
        node.put("job", template.job());
        node.put("volumes", template.volumes());
        node.set("groups", IdArrays.write(template.groups()));
        AuditFields.write(node, template.audit());
        return node;
    }

    @Override
    public Template read(StoredObject stored) {
        return new Template(stored.id("template_id"), stored.text("name"), stored.text("description"),
                stored.text("job"), stored.text("volumes"), stored.ids("groups"), AuditFields.read(stored));
    }
}
