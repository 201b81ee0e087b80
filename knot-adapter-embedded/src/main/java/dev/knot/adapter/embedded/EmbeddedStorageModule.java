package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Singleton;

/**
 * Binds every repository and cache port to the embedded (Chronicle Map) store, and the store itself as a
 * {@link ManagedService} so the application opens it at start and closes it at shutdown. Needs a {@link Clock}
 * bound elsewhere.
 */
public final class EmbeddedStorageModule extends AbstractModule {
    private final EmbeddedConfig config;

    public EmbeddedStorageModule(EmbeddedConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(UserRepository.class).to(ChronicleUserRepository.class).in(Singleton.class);
        bind(GroupRepository.class).to(ChronicleGroupRepository.class).in(Singleton.class);
        bind(TemplateRepository.class).to(ChronicleTemplateRepository.class).in(Singleton.class);
        bind(TemplateVarRepository.class).to(ChronicleTemplateVarRepository.class).in(Singleton.class);
        bind(SpaceRepository.class).to(ChronicleSpaceRepository.class).in(Singleton.class);
        bind(VolumeRepository.class).to(ChronicleVolumeRepository.class).in(Singleton.class);
        bind(TokenRepository.class).to(ChronicleTokenRepository.class).in(Singleton.class);
        bind(SessionStore.class).to(ChronicleSessionStore.class).in(Singleton.class);
        bind(AgentStateStore.class).to(ChronicleAgentStateStore.class).in(Singleton.class);
        bind(UsedNonceStore.class).to(EmbeddedUsedNonceStore.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(EmbeddedStore.class);
    }

    @Provides
    @Singleton
    EmbeddedStore embeddedStore(Clock clock) {
        return new EmbeddedStore(config.directory(), clock);
    }
}
