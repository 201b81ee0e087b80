package dev.knot.adapter.mysql;

import dev.knot.ports.out.GroupRepository;
import dev.knot.testkit.contract.GroupRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlGroupRepositoryIT extends GroupRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected GroupRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlGroupRepository(DATABASE.database());
    }
}
