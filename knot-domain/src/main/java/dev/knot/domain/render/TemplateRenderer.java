package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Space templates in the original knot's syntax: Go text/template with the delimiters <code>${{</code> and
 * <code>}}</code>, limited to what knot templates use: variables ({@code .space.name}, {@code .var.x}, …),
 * {@code if}/{@code else if}/{@code else}/{@code end}, {@code range} (with {@code .} as the item, {@code $} as the
 * data, and {@code else}), {@code eq ne and or not}, parentheses, string, number and boolean literals, comments,
 * and the trim markers <code>${{-</code> and <code>-}}</code>.
 *
 * <p>Two steps: {@link #compile} when a template is saved reports every syntax error and unknown variable with its
 * line; {@link #render} when a space starts inserts the values, each escaped for the place it lands in (see
 * {@link OutputFormat}), so that no value — a space name, a variable — can change the structure of the job.
 * Stateless and thread-safe.
 */
public final class TemplateRenderer {
    /**
     * Parses and checks a template.
     *
     * @param sourceName what messages call it, e.g. "job" or "volumes"
     * @param variableNames the template variables that exist (any location): {@code .var.<name>} is unknown unless
     *     its name is here
     * @throws dev.knot.ports.model.KnotException INVALID_ARGUMENT naming the line, column and problem, e.g.
     *     {@code job: line 12, column 9: unknown variable .space.nmae (…)}
     */
    public CompiledTemplate compile(String sourceName, String source, OutputFormat format, Set<String> variableNames) {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(source, "source is null");
        requireNonNull(format, "format is null");
        requireNonNull(variableNames, "variableNames is null");
        TemplateParser.Result parsed = TemplateParser.parse(sourceName, source, variableNames);
        return new CompiledTemplate(sourceName, format, parsed.nodes(), parsed.usedVariables());
    }

    /**
     * Renders a compiled template.
     *
     * @throws dev.knot.ports.model.KnotException INVALID_ARGUMENT naming the line and the action when a value
     *     cannot be inserted safely where it lands (see {@link OutputFormat}), a variable the template prints has
     *     no value here (it is defined for another location), or a value has the wrong type (a list printed, a
     *     string ranged over, a string compared with a number). Messages never contain the values.
     */
    public String render(CompiledTemplate template, RenderContext context) {
        requireNonNull(template, "template is null");
        requireNonNull(context, "context is null");
        RenderedText output = new RenderedText(template.sourceName(), template.format().newSyntax());
        new TemplateEvaluator(template.sourceName(), context.asData(), output).render(template.nodes());
        return output.finish();
    }
}
