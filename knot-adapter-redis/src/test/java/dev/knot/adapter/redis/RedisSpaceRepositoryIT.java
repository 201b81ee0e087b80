package dev.knot.adapter.redis;

import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.contract.SpaceRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSpaceRepositoryIT extends SpaceRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected SpaceRepository newRepository() {
        return new RedisSpaceRepository(redis.operations(), redis.keys());
    }
}
