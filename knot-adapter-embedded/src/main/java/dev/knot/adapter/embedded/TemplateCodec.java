package dev.knot.adapter.embedded;

import dev.knot.ports.model.Template;

/** Stores a {@link Template}; its job may be 10 MB, which {@link RecordFile} splits into parts. */
final class TemplateCodec implements RecordCodec<Template> {
    @Override
    public void write(Template template, RecordWriter writer) {
        writer.id(template.id())
                .string(template.name())
                .string(template.description())
                .string(template.job())
                .string(template.volumes())
                .ids(template.groups())
                .audit(template.audit());
    }

    @Override
    public Template read(RecordReader reader) {
        return new Template(reader.id(), reader.string(), reader.string(), reader.string(), reader.string(),
                reader.ids(), reader.audit());
    }
}
