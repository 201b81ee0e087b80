package dev.knot.adapter.mysql;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.testkit.contract.UsedNonceStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlUsedNonceStoreIT extends UsedNonceStoreContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected UsedNonceStore newStore(Clock clock) {
        DATABASE.emptyTables();
        return new MysqlUsedNonceStore(DATABASE.database(), clock);
    }
}
