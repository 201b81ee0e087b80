package dev.knot.adapter.redis;

import dev.knot.ports.model.Volume;
import dev.knot.ports.out.VolumeRepository;
import jakarta.inject.Inject;

final class RedisVolumeRepository extends RedisSimpleRepository<Volume> implements VolumeRepository {
    @Inject
    RedisVolumeRepository(RedisOperations redis, KeyLayout keys) {
        super(redis, keys, KeyLayout.Collection.VOLUMES, new VolumeCodec(), Volume::id);
    }
}
