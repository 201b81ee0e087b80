package dev.knot.adapter.redis;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.testkit.contract.UsedNonceStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUsedNonceStoreIT extends UsedNonceStoreContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected UsedNonceStore newStore(Clock clock) {
        return new RedisUsedNonceStore(redis.operations(), redis.keys(), clock);
    }
}
