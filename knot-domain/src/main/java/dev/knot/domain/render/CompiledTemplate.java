package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A template that parsed and uses only known variables. Immutable and safe to share between threads; render it with
 * {@link TemplateRenderer#render}.
 */
public final class CompiledTemplate {
    private final String sourceName;
    private final OutputFormat format;
    private final List<Node> nodes;
    private final Set<String> variableNames;

    CompiledTemplate(String sourceName, OutputFormat format, List<Node> nodes, Set<String> variableNames) {
        this.sourceName = requireNonNull(sourceName, "sourceName is null");
        this.format = requireNonNull(format, "format is null");
        this.nodes = List.copyOf(nodes);
        this.variableNames = Set.copyOf(variableNames);
    }

    /** The name messages use for it, e.g. "job" or "volumes". */
    public String sourceName() {
        return sourceName;
    }

    public OutputFormat format() {
        return format;
    }

    /** The {@code .var} names it uses: only these need loading (and decrypting) to render it. */
    public Set<String> variableNames() {
        return variableNames;
    }

    List<Node> nodes() {
        return nodes;
    }

    @Override
    public String toString() {
        return "CompiledTemplate[" + sourceName + ", " + format + "]";
    }
}
