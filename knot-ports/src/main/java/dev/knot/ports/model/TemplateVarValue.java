package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

/** A template variable's value as stored: plain, or encrypted because the variable is protected. */
public sealed interface TemplateVarValue {
    record Plain(String text) implements TemplateVarValue {
        public Plain {
            requireNonNull(text, "text is null");
            Checks.length("value", text, 0, TemplateVar.MAXIMUM_VALUE_LENGTH);
        }
    }

    record Protected(EncryptedValue secret) implements TemplateVarValue {
        public Protected {
            requireNonNull(secret, "secret is null");
        }
    }
}
