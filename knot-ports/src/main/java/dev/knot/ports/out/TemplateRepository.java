package dev.knot.ports.out;

import dev.knot.ports.model.Template;

/** Durable storage of {@link Template}s. */
public interface TemplateRepository extends SimpleRepository<Template> {}
