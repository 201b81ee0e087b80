package dev.knot.adapter.redis;

import dev.knot.ports.out.VolumeRepository;
import dev.knot.testkit.contract.VolumeRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisVolumeRepositoryIT extends VolumeRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected VolumeRepository newRepository() {
        return new RedisVolumeRepository(redis.operations(), redis.keys());
    }
}
