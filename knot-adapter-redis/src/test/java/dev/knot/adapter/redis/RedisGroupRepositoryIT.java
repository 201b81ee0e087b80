package dev.knot.adapter.redis;

import dev.knot.ports.out.GroupRepository;
import dev.knot.testkit.contract.GroupRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisGroupRepositoryIT extends GroupRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected GroupRepository newRepository() {
        return new RedisGroupRepository(redis.operations(), redis.keys());
    }
}
