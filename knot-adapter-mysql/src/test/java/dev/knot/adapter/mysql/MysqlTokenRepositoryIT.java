package dev.knot.adapter.mysql;

import dev.knot.ports.out.TokenRepository;
import dev.knot.testkit.contract.TokenRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlTokenRepositoryIT extends TokenRepositoryContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected TokenRepository newRepository() {
        DATABASE.emptyTables();
        return new MysqlTokenRepository(DATABASE.database());
    }
}
