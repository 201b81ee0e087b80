package dev.knot.adapter.mysql;

import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.contract.SpaceRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlSpaceRepositoryIT extends SpaceRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected SpaceRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlSpaceRepository(DATABASE.database());
    }
}
