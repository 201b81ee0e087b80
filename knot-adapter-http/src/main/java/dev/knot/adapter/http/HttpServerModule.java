package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.in.VolumeUseCases;
import dev.knot.ports.in.WebPortUseCases;
import dev.knot.ports.runtime.ManagedService;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP adapter's wiring: adds the listener to the {@code Set<ManagedService>} that knot-app starts and closes,
 * built from every bound {@link RouteGroup}. Needs bound from outside: {@link UserUseCases}, {@link GroupUseCases},
 * {@link AuthUseCases}, {@link TemplateUseCases}, {@link TemplateVarUseCases}, {@link SpaceUseCases},
 * {@link AgentUseCases} and {@link VolumeUseCases}; and {@link WebPortUseCases} when the config has a wildcard domain.
 */
public final class HttpServerModule extends AbstractModule {
    private final HttpConfig config;
    private final SameOriginPolicy origins;

    public HttpServerModule(HttpConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.origins = new SameOriginPolicy(config.publicUrl());
    }

    @Override
    protected void configure() {
        Multibinder<RouteGroup> routeGroups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routeGroups.addBinding().toInstance(new HealthRoutes());
        routeGroups.addBinding().toInstance(new ApiDocsRoutes());
        // Needed only with a wildcard domain: without one there are no web ports to resolve.
        OptionalBinder.newOptionalBinder(binder(), WebPortUseCases.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(HttpServer.class);
    }

    @Provides
    @Singleton
    JsonCodec jsonCodec() {
        return new JsonCodec();
    }

    @Provides
    @Singleton
    AccessControl accessControl(AuthUseCases auth, AgentUseCases agents, UserUseCases users) {
        return new AccessControl(auth, agents, new SetupState(users), origins);
    }

    @Provides
    @Singleton
    BrowserSessions browserSessions(AuthUseCases auth) {
        return new BrowserSessions(auth, new ClientAddresses(TrustedProxies.parse(config.trustedProxies())),
                new SessionCookie(config.publicUrl()));
    }

    @ProvidesIntoSet
    RouteGroup authRoutes(JsonCodec json, BrowserSessions sessions) {
        return new AuthRoutes(json, origins, sessions);
    }

    @ProvidesIntoSet
    RouteGroup loginPages(AuthUseCases auth, BrowserSessions sessions, AccessControl access) {
        return new LoginPages(auth, sessions, origins, access.setup());
    }

    @ProvidesIntoSet
    RouteGroup tokenPages(AuthUseCases auth) {
        return new TokenPages(auth);
    }

    @ProvidesIntoSet
    RouteGroup userRoutes(UserUseCases users, JsonCodec json) {
        return new UserRoutes(users, json);
    }

    @ProvidesIntoSet
    RouteGroup groupRoutes(GroupUseCases groups, JsonCodec json) {
        return new GroupRoutes(groups, json);
    }

    @ProvidesIntoSet
    RouteGroup templateRoutes(TemplateUseCases templates, JsonCodec json) {
        return new TemplateRoutes(templates, json);
    }

    @ProvidesIntoSet
    RouteGroup templateVarRoutes(TemplateVarUseCases variables, JsonCodec json) {
        return new TemplateVarRoutes(variables, json);
    }

    @ProvidesIntoSet
    RouteGroup spaceRoutes(SpaceUseCases spaces, JsonCodec json) {
        return new SpaceRoutes(spaces, json);
    }

    @ProvidesIntoSet
    RouteGroup volumeRoutes(VolumeUseCases volumes, JsonCodec json) {
        return new VolumeRoutes(volumes, json);
    }

    @ProvidesIntoSet
    RouteGroup roleRoutes(JsonCodec json) {
        return new RoleRoutes(json);
    }

    @ProvidesIntoSet
    RouteGroup sessionRoutes(AuthUseCases auth, JsonCodec json) {
        return new SessionRoutes(auth, json);
    }

    @ProvidesIntoSet
    RouteGroup tokenRoutes(AuthUseCases auth, JsonCodec json) {
        return new TokenRoutes(auth, json);
    }

    @ProvidesIntoSet
    RouteGroup agentRoutes(AgentUseCases agents, JsonCodec json) {
        return new AgentRoutes(agents, json, config.publicUrl());
    }

    @ProvidesIntoSet
    RouteGroup pingRoutes(JsonCodec json) {
        return new PingRoutes(json);
    }

    @ProvidesIntoSet
    RouteGroup terminalRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json) {
        return new TerminalRoutes(agents, auth, json, config.idleTimeout());
    }

    @ProvidesIntoSet
    RouteGroup tunnelRoutes(AgentUseCases agents, AuthUseCases auth, JsonCodec json) {
        return new TunnelRoutes(agents, auth, json, config.idleTimeout());
    }

    /** The proxy to the spaces' agents, with its connection pools: one for the whole server. */
    @Provides
    @Singleton
    AgentProxy agentProxy(JsonCodec json) {
        return new AgentProxy(new ErrorMapper(json), new ClientAddresses(TrustedProxies.parse(config.trustedProxies())),
                config.publicUrl());
    }

    @ProvidesIntoSet
    RouteGroup codeServerRoutes(AgentUseCases agents, Optional<WebPortUseCases> webPorts, AgentProxy proxy) {
        return new CodeServerRoutes(config, agents, webPorts, proxy, origins);
    }

    @ProvidesIntoSet
    RouteGroup webPortRoutes(Optional<WebPortUseCases> webPorts, AuthUseCases auth, AgentProxy proxy, JsonCodec json) {
        return new WebPortRoutes(config, webPorts, auth, proxy, new ErrorMapper(json));
    }

    /** Builds the route table here, so a badly declared route stops the injector, before anything listens. */
    @Provides
    @Singleton
    HttpServer httpServer(Set<RouteGroup> routeGroups, JsonCodec json, AccessControl access) {
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        for (RouteGroup group : routeGroups) {
            group.addTo(routes);
        }
        return new HttpServer(config, routes.build(), json, access);
    }
}
