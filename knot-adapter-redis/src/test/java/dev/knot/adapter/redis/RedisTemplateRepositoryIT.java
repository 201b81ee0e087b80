package dev.knot.adapter.redis;

import dev.knot.ports.out.TemplateRepository;
import dev.knot.testkit.contract.TemplateRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTemplateRepositoryIT extends TemplateRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected TemplateRepository newRepository() {
        return new RedisTemplateRepository(redis.operations(), redis.keys());
    }
}
