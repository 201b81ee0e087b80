package dev.knot.app.wiring;

import com.google.inject.Binder;
import com.google.inject.Module;
import dev.knot.adapter.crypto.CryptoModule;
import dev.knot.adapter.crypto.PasswordHashingConfig;
import dev.knot.adapter.http.HttpConfig;
import dev.knot.adapter.http.HttpServerModule;
import dev.knot.adapter.http.outbound.AgentClientModule;
import dev.knot.adapter.nomad.NomadConfig;
import dev.knot.adapter.nomad.NomadModule;
import dev.knot.app.config.AuthSection;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.config.ServerSection;
import dev.knot.domain.auth.AuthSettings;
import dev.knot.domain.space.SpaceSettings;
import dev.knot.app.config.ListenAddress;
import dev.knot.ports.out.Clock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The modules of a server, chosen by its configuration. Their order is the order services start in: the store
 * first, then what uses it, the HTTP listener last.
 */
final class ServerModules {
    private ServerModules() {}

    /** @throws dev.knot.ports.model.KnotException when the configuration asks for an adapter this build lacks */
    static List<Module> forConfig(KnotConfig config) {
        ListenAddress listen = config.server().listen();
        List<Module> modules = new ArrayList<>(forAdminTool(config));
        modules.add(new SpaceReconciliationModule());
        modules.add(AgentReportLog.module());
        modules.add(new HttpServerModule(HttpConfig.defaults(listen.bindHost(), listen.port(), config.server().url())
                .withTrustedProxies(config.server().trustedProxies())
                .withTls(ServerTls.forServer(config.server()))
                .withWildcardDomain(config.server().wildcardDomain())));
        return List.copyOf(modules);
    }

    /**
     * A server without its HTTP listener: the store and the domain over it, for `knot admin` to work on the store
     * directly.
     *
     * @throws dev.knot.ports.model.KnotException when the configuration asks for an adapter this build lacks
     */
    static List<Module> forAdminTool(KnotConfig config) {
        return List.of(
                ServerModules::strictBootstrap,
                binder -> binder.bind(Clock.class).toInstance(new SystemClock()),
                StorageModules.forConfig(config.server().storage(), config.resolver()),
                new CryptoModule(PasswordHashingConfig.defaults()),
                new NomadModule(NomadConfig.of(config.server().nomad().address(),
                        config.server().nomad().token().value())),
                new AgentClientModule(),
                new DomainModule(ServerKey.resolve(config.server().encrypt(), config.server().storage()),
                        authSettings(config.server().auth()), spaceSettings(config.server())));
    }

    /** What templates see of this server; NOMAD_DC and NOMAD_REGION come from the process, as in the original. */
    private static SpaceSettings spaceSettings(ServerSection server) {
        return SpaceSettings.of(server.url().toString(), server.agentUrl().map(URI::toString).orElse(""),
                server.wildcardDomain().orElse(""), server.location(),
                Objects.requireNonNullElse(System.getenv("NOMAD_DC"), ""),
                Objects.requireNonNullElse(System.getenv("NOMAD_REGION"), ""));
    }

    /** The configured lifetimes, with the domain's throttling defaults. */
    private static AuthSettings authSettings(AuthSection auth) {
        AuthSettings defaults = AuthSettings.defaults();
        return new AuthSettings(auth.sessionLifetime(), auth.tokenLifetime(), defaults.maximumFailuresPerAccount(),
                defaults.maximumFailuresPerAddress(), defaults.failureWindow());
    }

    /** Airlift's bootstrap rules: everything bound on purpose, nothing guessed, no proxies papering over cycles. */
    private static void strictBootstrap(Binder binder) {
        binder.requireExplicitBindings();
        binder.requireAtInjectOnConstructors();
        binder.requireExactBindingAnnotations();
        binder.disableCircularProxies();
    }
}
