package dev.knot.domain.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A renderer and a context with distinct values for every variable, so a test sees which one it got. */
final class RenderFixture {
    static final String SPACE_ID = "0190a5a4-0000-7000-8000-000000000001";
    static final String TEMPLATE_ID = "0190a5a4-0000-7000-8000-000000000002";
    static final String USER_ID = "0190a5a4-0000-7000-8000-000000000003";

    private final TemplateRenderer renderer = new TemplateRenderer();
    private RenderContext.SpaceValues space = new RenderContext.SpaceValues(SPACE_ID, "dev-box");
    private final Map<String, Object> variables = new HashMap<>();

    RenderFixture withSpaceName(String name) {
        space = new RenderContext.SpaceValues(SPACE_ID, name);
        return this;
    }

    RenderFixture withVariable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    RenderContext context() {
        return new RenderContext(space,
                new RenderContext.TemplateValues(TEMPLATE_ID, "ubuntu"),
                new RenderContext.UserValues(USER_ID, "alice", "Europe/London", "alice@example.com", "s3rvice"),
                RenderContext.ServerValues.fromSettings("https://knot.example.com", "", "*.knot.example.com", "eu"),
                new RenderContext.NomadValues("dc1", "global"),
                variables);
    }

    /** Compiles with the fixture's variable names known, then renders as HCL. */
    String hcl(String template) {
        return render(template, OutputFormat.HCL);
    }

    String yaml(String template) {
        return render(template, OutputFormat.YAML);
    }

    String render(String template, OutputFormat format) {
        return renderer.render(compile(template, format), context());
    }

    CompiledTemplate compile(String template, OutputFormat format) {
        return renderer.compile("job", template, format, Set.copyOf(variables.keySet()));
    }
}
