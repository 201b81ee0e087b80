package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Inject;

/** What the domain does once the stores are open, before the listener takes requests: the Manual template exists. */
final class DomainStartup implements ManagedService {
    private final TemplateUseCases templates;

    @Inject
    DomainStartup(TemplateUseCases templates) {
        this.templates = requireNonNull(templates, "templates is null");
    }

    @Override
    public String name() {
        return "domain startup";
    }

    @Override
    public void start() {
        templates.ensureManualTemplate();
    }

    @Override
    public void close() {
        // Nothing to release: the domain holds no resources of its own.
    }
}
