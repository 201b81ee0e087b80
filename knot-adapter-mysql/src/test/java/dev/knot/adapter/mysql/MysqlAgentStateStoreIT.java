package dev.knot.adapter.mysql;

import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.testkit.contract.AgentStateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MysqlAgentStateStoreIT extends AgentStateStoreContract {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Override
    protected AgentStateStore newStore(Clock clock) {
        DATABASE.emptyTables();
        return new MysqlAgentStateStore(DATABASE.database(), clock);
    }
}
