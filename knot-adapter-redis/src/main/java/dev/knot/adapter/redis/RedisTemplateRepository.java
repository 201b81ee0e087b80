package dev.knot.adapter.redis;

import dev.knot.ports.model.Template;
import dev.knot.ports.out.TemplateRepository;
import jakarta.inject.Inject;

final class RedisTemplateRepository extends RedisSimpleRepository<Template> implements TemplateRepository {
    @Inject
    RedisTemplateRepository(RedisOperations redis, KeyLayout keys) {
        super(redis, keys, KeyLayout.Collection.TEMPLATES, new TemplateCodec(), Template::id);
    }
}
