package dev.knot.ports.out;

import dev.knot.ports.model.TemplateVar;

/**
 * Durable storage of {@link TemplateVar}s. The repository stores values as given: protected values arrive
 * already encrypted, and it never sees plain text of a protected variable.
 */
public interface TemplateVarRepository extends SimpleRepository<TemplateVar> {}
