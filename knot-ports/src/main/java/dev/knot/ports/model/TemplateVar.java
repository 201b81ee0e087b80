package dev.knot.ports.model;


/**
 * A variable templates can use as {@code ${{ .var.<name> }}}.
 *
 * @param location "" = every location, else only servers of that location
 * @param value the stored value: plain text, or, for a protected variable, ciphertext bound to this id
 */
public record TemplateVar(Id<TemplateVar> id, String name, String location, TemplateVarValue value, Audit audit) {
    public static final int MAXIMUM_VALUE_LENGTH = 10 * 1024 * 1024;

    public TemplateVar {
        Checks.notNull("templatevar_id", id);
        Checks.variableName("name", name);
        Checks.length("location", location, 0, 64);
        Checks.notNull("value", value);
        Checks.notNull("audit", audit);
    }

    public boolean isProtected() {
        return value instanceof TemplateVarValue.Protected;
    }
}
