package dev.knot.adapter.redis;

import dev.knot.ports.model.Group;
import dev.knot.ports.out.GroupRepository;
import jakarta.inject.Inject;

final class RedisGroupRepository extends RedisSimpleRepository<Group> implements GroupRepository {
    @Inject
    RedisGroupRepository(RedisOperations redis, KeyLayout keys) {
        super(redis, keys, KeyLayout.Collection.GROUPS, new GroupCodec(), Group::id);
    }
}
