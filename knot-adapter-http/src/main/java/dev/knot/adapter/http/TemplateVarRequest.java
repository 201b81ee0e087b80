package dev.knot.adapter.http;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.TemplateVarView;
import dev.knot.ports.model.KnotException;

/**
 * The body of {@code POST /templatevars} and {@code PUT /templatevars/{templatevar_id}}, with the original's fields.
 * Creating needs a name; location and value default to "" and protected to false. On update a missing field keeps
 * the current one; a protected value is never shown, so a missing or empty value keeps the secret, as the domain
 * does for a form sent back unchanged.
 *
 * @param protectedValue the JSON field {@code protected}, a Java keyword
 */
record TemplateVarRequest(
        String name, String location, String value, @JsonProperty("protected") Boolean protectedValue) {

    TemplateVarCommand toCreateCommand() {
        if (name == null) {
            throw KnotException.invalid("name: is required");
        }
        return new TemplateVarCommand(name, requireNonNullElse(location, ""), requireNonNullElse(value, ""),
                requireNonNullElse(protectedValue, false));
    }

    TemplateVarCommand toUpdateCommand(TemplateVarView current) {
        // current.value() is "" for a protected variable: the domain reads that as "keep the secret".
        return new TemplateVarCommand(
                requireNonNullElse(name, current.name()),
                requireNonNullElse(location, current.location()),
                requireNonNullElse(value, current.value()),
                requireNonNullElse(protectedValue, current.protectedValue()));
    }

    @Override
    public String toString() {
        // Never the value: it may be a secret.
        return "TemplateVarRequest[name=" + name + ", location=" + location + ", protected=" + protectedValue + "]";
    }
}
