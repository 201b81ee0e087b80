package dev.knot.testkit.fake;

import dev.knot.ports.out.TemplateRepository;
import dev.knot.testkit.contract.TemplateRepositoryContract;

class InMemoryTemplateRepositoryTest extends TemplateRepositoryContract {
    @Override
    protected TemplateRepository newRepository() {
        return new InMemoryTemplateRepository();
    }
}
