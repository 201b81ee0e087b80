package dev.knot.adapter.redis;

import dev.knot.ports.out.TokenRepository;
import dev.knot.testkit.contract.TokenRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTokenRepositoryIT extends TokenRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected TokenRepository newRepository() {
        return new RedisTokenRepository(redis.operations(), redis.keys());
    }
}
