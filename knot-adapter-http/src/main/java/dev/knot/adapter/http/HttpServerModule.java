package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.runtime.ManagedService;
import java.util.Set;

/**
 * The HTTP adapter's wiring: adds the listener to the {@code Set<ManagedService>} that knot-app starts and closes,
 * built from every bound {@link RouteGroup}. Needs nothing bound from outside yet; route groups that drive the
 * domain will ask for its use-case ports.
 */
public final class HttpServerModule extends AbstractModule {
    private final HttpConfig config;

    public HttpServerModule(HttpConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        Multibinder<RouteGroup> routeGroups = Multibinder.newSetBinder(binder(), RouteGroup.class);
        routeGroups.addBinding().toInstance(new HealthRoutes());
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(HttpServer.class);
    }

    @Provides
    @Singleton
    JsonCodec jsonCodec() {
        return new JsonCodec();
    }

    /** Builds the route table here, so a badly declared route stops the injector, before anything listens. */
    @Provides
    @Singleton
    HttpServer httpServer(Set<RouteGroup> routeGroups, JsonCodec json) {
        RouteTable.Builder routes = RouteTable.builder(config.maxRequestBodyBytes());
        for (RouteGroup group : routeGroups) {
            group.addTo(routes);
        }
        return new HttpServer(config, routes.build(), json);
    }
}
