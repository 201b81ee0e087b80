package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.domain.render.OutputFormat;
import dev.knot.domain.render.RenderContext;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.domain.volume.VolumeDefinitions;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A template made concrete for one space: its job HCL and volume YAML rendered with the space's values (each
 * inserted value escaped by the renderer, so none can change the job's structure), and the volumes sized as the
 * owner chose.
 */
final class SpaceTemplates {
    private static final String VARIABLE_START = "${{";

    private final TemplateRenderer renderer;
    private final SpaceSettings settings;

    SpaceTemplates(TemplateRenderer renderer, SpaceSettings settings) {
        this.renderer = requireNonNull(renderer, "renderer is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The values of reference §5.2: the space, its template, its owner (with the service password), the server. */
    RenderContext context(
            Space space, Template template, User owner, String servicePassword, Map<String, String> variables) {
        return new RenderContext(
                new RenderContext.SpaceValues(space.id().value(), space.name()),
                new RenderContext.TemplateValues(template.id().value(), template.name()),
                new RenderContext.UserValues(owner.id().value(), owner.username(), owner.timezone(), owner.email(),
                        servicePassword),
                settings.server(),
                settings.nomad(),
                Map.copyOf(variables));
    }

    String job(Template template, RenderContext context) {
        return render("job", template.job(), OutputFormat.HCL, context);
    }

    /** The template's volumes for the space, rendered, with the chosen sizes applied. */
    List<CsiVolumeSpec> volumes(Space space, Template template, RenderContext context) {
        if (template.volumes().isBlank()) {
            return List.of();
        }
        String yaml = render("volumes", template.volumes(), OutputFormat.YAML, context);
        Map<String, Long> sizes = renderedSizes(space.volumeSizes(), context);
        return VolumeDefinitions.parse("volumes", yaml).stream()
                .map(volume -> VolumeDefinitions.withSize(volume, sizes.getOrDefault(volume.id(), 0L)))
                .toList();
    }

    /** GB the space's volumes take, as quotas count them. */
    long sizeGb(Space space, Template template, RenderContext context) {
        return volumes(space, template, context).stream().mapToLong(VolumeDefinitions::sizeGb).sum();
    }

    /** Size keys may name volumes with variables (e.g. {@code ${{.space.id}}-home}), as the ids do. */
    private Map<String, Long> renderedSizes(Map<String, Long> sizes, RenderContext context) {
        Map<String, Long> rendered = new HashMap<>();
        sizes.forEach((key, size) -> rendered.put(
                key.contains(VARIABLE_START) ? render("volume_sizes", key, OutputFormat.YAML, context).strip() : key,
                size));
        return rendered;
    }

    private String render(String sourceName, String source, OutputFormat format, RenderContext context) {
        return renderer.render(renderer.compile(sourceName, source, format, context.variables().keySet()), context);
    }
}
