package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import jakarta.inject.Singleton;

/**
 * Redis as the only store: binds every repository, plus what {@link RedisCacheModule} binds (sessions, agent
 * state, and the Redis connection as a {@code ManagedService}). Needs a {@code dev.knot.ports.out.Clock} bound
 * elsewhere.
 */
public final class RedisStorageModule extends AbstractModule {
    private final RedisConfig config;

    public RedisStorageModule(RedisConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        install(new RedisCacheModule(config));
        bind(UserRepository.class).to(RedisUserRepository.class).in(Singleton.class);
        bind(GroupRepository.class).to(RedisGroupRepository.class).in(Singleton.class);
        bind(TemplateRepository.class).to(RedisTemplateRepository.class).in(Singleton.class);
        bind(TemplateVarRepository.class).to(RedisTemplateVarRepository.class).in(Singleton.class);
        bind(SpaceRepository.class).to(RedisSpaceRepository.class).in(Singleton.class);
        bind(VolumeRepository.class).to(RedisVolumeRepository.class).in(Singleton.class);
        bind(TokenRepository.class).to(RedisTokenRepository.class).in(Singleton.class);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisStorageModule module && module.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }
}
