package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.TemplateVar;

/** A template variable as users see it: a protected value is never shown ("" instead). */
public record TemplateVarView(Id<TemplateVar> id, String name, String location, String value, boolean protectedValue) {
    public TemplateVarView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
