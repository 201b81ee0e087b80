package dev.knot.adapter.redis;

import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.testkit.contract.AgentStateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAgentStateStoreIT extends AgentStateStoreContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected AgentStateStore newStore(Clock clock) {
        return new RedisAgentStateStore(redis.operations(), redis.keys(), clock);
    }
}
