package dev.knot.adapter.embedded;

import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.out.TemplateVarRepository;
import jakarta.inject.Inject;

/** Template variables in the embedded store, stored as given (protected values arrive encrypted). */
final class ChronicleTemplateVarRepository extends ChronicleSimpleRepository<TemplateVar> implements TemplateVarRepository {
    @Inject
    ChronicleTemplateVarRepository(EmbeddedStore store) {
        super(store, StoreCollections::templateVars);
    }
}
