package dev.knot.testkit.fake;

import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.testkit.contract.AgentStateStoreContract;

class InMemoryAgentStateStoreTest extends AgentStateStoreContract {
    @Override
    protected AgentStateStore newStore(Clock clock) {
        return new InMemoryAgentStateStore(clock);
    }
}
