package dev.knot.adapter.embedded;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;

/** Stores a {@link TemplateVar}: a protected value's ciphertext as given, never anything in plain text. */
final class TemplateVarCodec implements RecordCodec<TemplateVar> {
    private static final int PLAIN = 0;
    private static final int PROTECTED = 1;

    @Override
    public void write(TemplateVar variable, RecordWriter writer) {
        writer.id(variable.id()).string(variable.name()).string(variable.location());
        if (variable.value() instanceof TemplateVarValue.Protected secret) {
            writer.integer(PROTECTED).string(secret.secret().ciphertext());
        } else if (variable.value() instanceof TemplateVarValue.Plain plain) {
            writer.integer(PLAIN).string(plain.text());
        }
        writer.audit(variable.audit());
    }

    @Override
    public TemplateVar read(RecordReader reader) {
        return new TemplateVar(reader.id(), reader.string(), reader.string(), value(reader), reader.audit());
    }

    private static TemplateVarValue value(RecordReader reader) {
        int kind = reader.integer();
        if (kind == PROTECTED) {
            return new TemplateVarValue.Protected(new EncryptedValue(reader.string()));
        }
        if (kind == PLAIN) {
            return new TemplateVarValue.Plain(reader.string());
        }
        throw new IllegalStateException("unknown stored variable kind " + kind);
    }
}
