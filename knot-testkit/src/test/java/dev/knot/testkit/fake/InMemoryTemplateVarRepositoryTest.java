package dev.knot.testkit.fake;

import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.testkit.contract.TemplateVarRepositoryContract;

class InMemoryTemplateVarRepositoryTest extends TemplateVarRepositoryContract {
    @Override
    protected TemplateVarRepository newRepository() {
        return new InMemoryTemplateVarRepository();
    }
}
