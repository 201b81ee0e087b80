package dev.knot.adapter.redis;

import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.out.TemplateVarRepository;
import jakarta.inject.Inject;

final class RedisTemplateVarRepository extends RedisSimpleRepository<TemplateVar> implements TemplateVarRepository {
    @Inject
    RedisTemplateVarRepository(RedisOperations redis, KeyLayout keys) {
        super(redis, keys, KeyLayout.Collection.TEMPLATE_VARS, new TemplateVarCodec(), TemplateVar::id);
    }
}
