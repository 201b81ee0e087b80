package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.UsedNonceStore;
import jakarta.inject.Singleton;

/**
 * Redis as the cache beside a durable store (MySQL): binds {@link SessionStore}, {@link AgentStateStore} and
 * {@link UsedNonceStore}, and the Redis connection as a {@code ManagedService}. Needs a
 * {@code dev.knot.ports.out.Clock} bound elsewhere.
 * Installing it again with the same config, or beside {@link RedisStorageModule} with the same config, adds
 * nothing: there is one Redis connection.
 */
public final class RedisCacheModule extends AbstractModule {
    private final RedisConfig config;

    public RedisCacheModule(RedisConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        install(new RedisConnectionModule(config));
        bind(SessionStore.class).to(RedisSessionStore.class).in(Singleton.class);
        bind(AgentStateStore.class).to(RedisAgentStateStore.class).in(Singleton.class);
        bind(UsedNonceStore.class).to(RedisUsedNonceStore.class).in(Singleton.class);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisCacheModule module && module.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }
}
