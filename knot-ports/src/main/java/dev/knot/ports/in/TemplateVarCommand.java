package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/** A template variable's editable fields; a protected value is encrypted before it is stored. */
public record TemplateVarCommand(String name, String location, String value, boolean protectedValue) {
    public TemplateVarCommand {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }

    @Override
    public String toString() {
        return "TemplateVarCommand[name=" + name + ", location=" + location + ", protected=" + protectedValue + "]";
    }
}
