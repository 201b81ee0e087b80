package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;

/** A protected variable's value is stored as the ciphertext it arrives as; the repository never sees plain text. */
final class TemplateVarCodec implements RecordCodec<TemplateVar> {
    @Override
    public String noun() {
        return "template variable";
    }

    @Override
    public ObjectNode write(TemplateVar variable) {
        ObjectNode node = Json.object();
        node.put("templatevar_id", variable.id().value());
        node.put("name", variable.name());
        node.put("location", variable.location());
        if (variable.value() instanceof TemplateVarValue.Protected secret) {
            node.put("value", secret.secret().ciphertext());
            node.put("protected", true);
        } else {
            node.put("value", ((TemplateVarValue.Plain) variable.value()).text());
            node.put("protected", false);
        }
        AuditFields.write(node, variable.audit());
        return node;
    }

    @Override
    public TemplateVar read(StoredObject stored) {
        String text = stored.text("value");
        TemplateVarValue value = stored.bool("protected")
                ? new TemplateVarValue.Protected(new EncryptedValue(text))
                : new TemplateVarValue.Plain(text);
        return new TemplateVar(stored.id("templatevar_id"), stored.text("name"), stored.text("location"), value,
                AuditFields.read(stored));
    }
}
