package dev.knot.adapter.embedded;

import dev.knot.ports.model.Template;
import dev.knot.ports.out.TemplateRepository;
import jakarta.inject.Inject;

/** Templates in the embedded store. */
final class ChronicleTemplateRepository extends ChronicleSimpleRepository<Template> implements TemplateRepository {
    @Inject
    ChronicleTemplateRepository(EmbeddedStore store) {
        super(store, StoreCollections::templates);
    }
}
