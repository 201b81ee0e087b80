package dev.knot.adapter.redis;

import dev.knot.ports.out.UserRepository;
import dev.knot.testkit.contract.UserRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUserRepositoryIT extends UserRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected UserRepository newRepository() {
        return new RedisUserRepository(redis.operations(), redis.keys());
    }
}
