package dev.knot.domain.render;

/** What a template produces, which decides how inserted values are escaped. */
public enum OutputFormat {
    /** A Nomad job file. See {@link HclSyntax} for where values may land and how they are escaped. */
    HCL,
    /** Volume definitions. See {@link YamlSyntax}. */
    YAML;

    Syntax newSyntax() {
        return switch (this) {
            case HCL -> new HclSyntax();
            case YAML -> new YamlSyntax();
        };
    }
}
