package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Singleton;

/**
 * The Redis connection, its key layout, and the connection as a {@link ManagedService}. Both public modules
 * install it; Guice installs equal modules once, so a process that installs both with the same config still
 * has exactly one Redisson client (and one managed service).
 */
final class RedisConnectionModule extends AbstractModule {
    private final RedisConfig config;

    RedisConnectionModule(RedisConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(RedisOperations.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(RedisConnection.class);
    }

    @Provides
    @Singleton
    RedisConnection connection() {
        return new RedisConnection(config);
    }

    @Provides
    @Singleton
    KeyLayout keyLayout() {
        return KeyLayout.of(config);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisConnectionModule module && module.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }
}
