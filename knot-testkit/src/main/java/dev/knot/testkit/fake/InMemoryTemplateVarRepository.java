package dev.knot.testkit.fake;

import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.out.TemplateVarRepository;

/** A {@link TemplateVarRepository} in memory. Thread-safe. */
public final class InMemoryTemplateVarRepository extends InMemorySimpleRepository<TemplateVar>
        implements TemplateVarRepository {
    public InMemoryTemplateVarRepository() {
        super(TemplateVar::id);
    }
}
