package dev.knot.adapter.mysql;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlSessionStoreIT extends SessionStoreContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected SessionStore newStore(Clock clock) {
        DATABASE.emptyTables();
        return new MysqlSessionStore(DATABASE.database(), clock);
    }
}
