package dev.knot.adapter.mysql;

import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.testkit.contract.TemplateVarRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlTemplateVarRepositoryIT extends TemplateVarRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected TemplateVarRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlTemplateVarRepository(DATABASE.database());
    }
}
