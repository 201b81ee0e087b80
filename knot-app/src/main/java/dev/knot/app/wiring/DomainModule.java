package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.knot.domain.agent.AgentService;
import dev.knot.domain.auth.AuthService;
import dev.knot.domain.auth.AuthSettings;
import dev.knot.domain.crypto.AesGcmSecretCipher;
import dev.knot.domain.crypto.AgentRegistrationKeys;
import dev.knot.domain.crypto.AgentServerTokens;
import dev.knot.domain.group.GroupService;
import dev.knot.domain.id.UuidV7Generator;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.domain.space.SpaceService;
import dev.knot.domain.space.SpaceSettings;
import dev.knot.domain.template.TemplateService;
import dev.knot.domain.template.TemplateVarService;
import dev.knot.domain.user.UserService;
import dev.knot.domain.volume.VolumeService;
import dev.knot.domain.webport.WebPortService;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.in.VolumeUseCases;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.out.AgentClient;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.out.VolumeScheduler;
import dev.knot.ports.runtime.ManagedService;

/**
 * knot-domain's services, built with their plain constructors (the domain knows nothing of Guice), over whichever
 * stores the storage module bound and the password hasher of the crypto module. Installed after those and before the
 * HTTP adapter, so services start in that order.
 */
final class DomainModule extends AbstractModule {
    private final String serverKey;
    private final AuthSettings authSettings;
    private final SpaceSettings spaceSettings;

    DomainModule(String serverKey, AuthSettings authSettings, SpaceSettings spaceSettings) {
        this.serverKey = requireNonNull(serverKey, "serverKey is null");
        this.authSettings = requireNonNull(authSettings, "authSettings is null");
        this.spaceSettings = requireNonNull(spaceSettings, "spaceSettings is null");
    }

    @Override
    protected void configure() {
        bind(DomainStartup.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(DomainStartup.class);
    }

    @Provides
    @Singleton
    SecretCipher secretCipher() {
        return new AesGcmSecretCipher(serverKey);
    }

    @Provides
    @Singleton
    IdGenerator idGenerator(Clock clock) {
        return new UuidV7Generator(clock);
    }

    @Provides
    @Singleton
    UserService userService(
            UserRepository users,
            GroupRepository groups,
            SpaceRepository spaces,
            TokenRepository tokens,
            SessionStore sessions,
            PasswordHasher hasher,
            SecretCipher cipher,
            IdGenerator ids,
            Clock clock,
            AgentService agents) {
        return new UserService(users, groups, spaces, tokens, sessions, hasher, cipher, ids, clock, agents);
    }

    @Provides
    @Singleton
    AgentRegistrationKeys agentRegistrationKeys() {
        return new AgentRegistrationKeys(serverKey);
    }

    @Provides
    @Singleton
    AgentService agentService(SpaceRepository spaces, TemplateRepository templates, UserRepository users,
            AgentStateStore agentStates, AgentClient agentClient, AgentRegistrationKeys registrationKeys, Clock clock) {
        return new AgentService(spaces, templates, users, agentStates, agentClient, new AgentServerTokens(serverKey),
                registrationKeys, clock);
    }

    @Provides
    AgentUseCases agentUseCases(AgentService service) {
        return service;
    }

    @Provides
    UserUseCases userUseCases(UserService service) {
        return service;
    }

    @Provides
    @Singleton
    AuthUseCases authUseCases(
            UserRepository users,
            SessionStore sessions,
            TokenRepository tokens,
            PasswordHasher hasher,
            IdGenerator ids,
            Clock clock) {
        return new AuthService(users, sessions, tokens, hasher, ids, clock, authSettings);
    }

    @Provides
    @Singleton
    GroupUseCases groupUseCases(
            GroupRepository groups, UserRepository users, TemplateRepository templates, IdGenerator ids, Clock clock) {
        return new GroupService(groups, users, templates, ids, clock);
    }

    @Provides
    @Singleton
    TemplateUseCases templateUseCases(
            TemplateRepository templates, TemplateVarRepository variables, GroupRepository groups,
            SpaceRepository spaces, IdGenerator ids, Clock clock) {
        return new TemplateService(templates, variables, groups, spaces, ids, clock);
    }

    @Provides
    @Singleton
    TemplateVarUseCases templateVarUseCases(
            TemplateVarRepository variables, SecretCipher cipher, IdGenerator ids, Clock clock) {
        return new TemplateVarService(variables, cipher, ids, clock);
    }

    @Provides
    @Singleton
    TemplateRenderer templateRenderer() {
        return new TemplateRenderer();
    }

    @Provides
    @Singleton
    SpaceService spaceService(
            SpaceRepository spaces,
            TemplateRepository templates,
            UserRepository users,
            AgentStateStore agentStates,
            JobScheduler jobs,
            VolumeScheduler volumes,
            TemplateVarUseCases variables,
            SecretCipher cipher,
            AgentRegistrationKeys registrationKeys,
            TemplateRenderer renderer,
            IdGenerator ids,
            Clock clock) {
        return new SpaceService(spaces, templates, users, agentStates, jobs, volumes, variables, cipher,
                registrationKeys, renderer, spaceSettings, ids, clock);
    }

    @Provides
    SpaceUseCases spaceUseCases(SpaceService service) {
        return service;
    }

    @Provides
    @Singleton
    VolumeUseCases volumeUseCases(VolumeRepository volumes, VolumeScheduler scheduler, IdGenerator ids, Clock clock) {
        return new VolumeService(volumes, scheduler, spaceSettings.location(), ids, clock);
    }

    @Provides
    @Singleton
    WebPortUseCases webPortUseCases(
            UserRepository users, SpaceRepository spaces, AgentStateStore agentStates, SessionStore sessions,
            UsedNonceStore usedNonces, Clock clock) {
        return new WebPortService(users, spaces, agentStates, sessions, usedNonces, clock, serverKey);
    }
}
