package dev.knot.app.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.knot.ports.model.Audit;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;

/**
 * A template variable as a backup line ("kind": "template_var"). {@code value} is the plain text, or for a
 * protected variable the ciphertext exactly as stored: it is never decrypted, so it only reads again under the same
 * server.encrypt key.
 */
record TemplateVarLine(
        String id,
        String name,
        String location,
        @JsonProperty("protected") boolean isProtected,
        String value,
        String createdBy,
        String createdAt,
        String updatedBy,
        String updatedAt) implements RecordLine {
    static TemplateVarLine of(TemplateVar variable) {
        Audit audit = variable.audit();
        String value = variable.value() instanceof TemplateVarValue.Protected secret
                ? secret.secret().ciphertext()
                : ((TemplateVarValue.Plain) variable.value()).text();
        return new TemplateVarLine(variable.id().value(), variable.name(), variable.location(),
                variable.isProtected(), value, audit.createdBy().value(), LineValues.text(audit.createdAt()),
                audit.updatedBy().value(), LineValues.text(audit.updatedAt()));
    }

    @Override
    public TemplateVar toModel() {
        LineValues.required("value", value);
        TemplateVarValue stored = isProtected
                ? new TemplateVarValue.Protected(new EncryptedValue(value))
                : new TemplateVarValue.Plain(value);
        return new TemplateVar(LineValues.id("id", id), name, location, stored,
                AuditValues.audit(createdBy, createdAt, updatedBy, updatedAt));
    }
}
