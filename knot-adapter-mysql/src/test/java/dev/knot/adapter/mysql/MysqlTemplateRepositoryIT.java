package dev.knot.adapter.mysql;

import dev.knot.ports.out.TemplateRepository;
import dev.knot.testkit.contract.TemplateRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlTemplateRepositoryIT extends TemplateRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected TemplateRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlTemplateRepository(DATABASE.database());
    }
}
