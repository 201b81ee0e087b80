package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Singleton;

/**
 * Binds every durable repository to MySQL, and the database itself as a {@link ManagedService}: at start it opens
 * the connection pool and migrates the schema, at close it closes the pool. Needs a {@link Clock} bound elsewhere
 * (the database purges expired sessions and agent states by it).
 *
 * <p>Sessions and agent state (the cache) are not bound here: install {@link MysqlCacheModule} beside this module
 * to keep them in MySQL too, or bind them to another store (Redis).
 */
public final class MysqlStorageModule extends AbstractModule {
    private final MysqlConfig config;

    public MysqlStorageModule(MysqlConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(UserRepository.class).to(MysqlUserRepository.class).in(Singleton.class);
        bind(GroupRepository.class).to(MysqlGroupRepository.class).in(Singleton.class);
        bind(TemplateRepository.class).to(MysqlTemplateRepository.class).in(Singleton.class);
        bind(TemplateVarRepository.class).to(MysqlTemplateVarRepository.class).in(Singleton.class);
        bind(SpaceRepository.class).to(MysqlSpaceRepository.class).in(Singleton.class);
        bind(VolumeRepository.class).to(MysqlVolumeRepository.class).in(Singleton.class);
        bind(TokenRepository.class).to(MysqlTokenRepository.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(MysqlDatabase.class);
    }

    @Provides
    @Singleton
    MysqlDatabase database(Clock clock) {
        return new MysqlDatabase(config, clock, SchemaMigrations.latest());
    }
}
