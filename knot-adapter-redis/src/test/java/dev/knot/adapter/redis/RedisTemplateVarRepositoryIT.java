package dev.knot.adapter.redis;

import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.testkit.contract.TemplateVarRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTemplateVarRepositoryIT extends TemplateVarRepositoryContract {
    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Override
    protected TemplateVarRepository newRepository() {
        return new RedisTemplateVarRepository(redis.operations(), redis.keys());
    }
}
