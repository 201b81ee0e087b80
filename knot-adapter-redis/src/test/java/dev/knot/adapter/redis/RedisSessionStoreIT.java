package dev.knot.adapter.redis;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.testkit.contract.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSessionStoreIT extends SessionStoreContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected SessionStore newStore(Clock clock) {
        return new RedisSessionStore(redis.operations(), redis.keys(), clock);
    }
}
