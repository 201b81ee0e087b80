package dev.knot.testkit.fake;

import dev.knot.ports.model.Template;
import dev.knot.ports.out.TemplateRepository;

/** A {@link TemplateRepository} in memory. Thread-safe. */
public final class InMemoryTemplateRepository extends InMemorySimpleRepository<Template>
        implements TemplateRepository {
    public InMemoryTemplateRepository() {
        super(Template::id);
    }
}
