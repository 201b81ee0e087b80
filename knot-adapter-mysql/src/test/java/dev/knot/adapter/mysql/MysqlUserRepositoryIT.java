package dev.knot.adapter.mysql;

import dev.knot.ports.out.UserRepository;
import dev.knot.testkit.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlUserRepositoryIT extends UserRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected UserRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlUserRepository(DATABASE.database());
    }
}
