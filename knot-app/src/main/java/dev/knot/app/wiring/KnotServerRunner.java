package dev.knot.app.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.app.KnotVersion;
import dev.knot.app.cli.ExitCodes;
import dev.knot.app.cli.ServerRunner;
import dev.knot.app.config.EmbeddedStore;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.config.LoadedConfig;
import dev.knot.app.config.ServerSection;
import dev.knot.app.config.StorageConfig;
import dev.knot.app.config.StorageType;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.runtime.ManagedService;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs `knot server`: wires the modules the configuration picks, starts the services, waits for SIGTERM/SIGINT, then
 * closes them in reverse order. A service that cannot start stops the process with one clear line.
 */
public final class KnotServerRunner implements ServerRunner {
    private static final Logger LOG = LoggerFactory.getLogger(KnotServerRunner.class);
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});

    @Override
    public int run(LoadedConfig loaded) {
        KnotConfig config = loaded.config();
        LOG.info("knot {} starting; config: {}", KnotVersion.get(),
                loaded.file().map(Object::toString).orElse("no file found (defaults and KNOT_* environment)"));
        logStorage(config.server().storage());

        List<Module> modules;
        try {
            modules = ServerModules.forConfig(config);
        }
        catch (KnotException unavailable) {
            LOG.error(unavailable.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        ServiceLifecycle lifecycle;
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
            lifecycle = new ServiceLifecycle(List.copyOf(injector.getInstance(SERVICES)));
        }
        catch (CreationException | ProvisionException failure) {
            LOG.error("knot could not be assembled: {}",
                    AssemblyFailures.knotCause(failure).map(Throwable::getMessage).orElse(failure.getMessage()));
            return ExitCodes.STARTUP_FAILED;
        }
        return runUntilStopped(lifecycle, config.server());
    }

    private static int runUntilStopped(ServiceLifecycle lifecycle, ServerSection server) {
        ShutdownSignal signal = new ShutdownSignal();
        if (!signal.install()) {
            LOG.warn("cannot handle SIGTERM/SIGINT here: a stop signal will close the services but exit with 143");
        }
        // Closes whatever is still open if the JVM exits any other way (SIGHUP, an error); close() is idempotent.
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::close, "knot-shutdown"));
        try {
            lifecycle.start();
        }
        catch (KnotException failure) {
            LOG.error("knot could not start: {}", failure.getMessage());
            return ExitCodes.STARTUP_FAILED;
        }
        catch (RuntimeException unexpected) {
            LOG.error("knot could not start", unexpected);
            return ExitCodes.STARTUP_FAILED;
        }
        String scheme = server.tls().useTls() ? "https" : "http";
        LOG.info("knot is listening on {}://{}:{} (public URL {})",
                scheme, server.listen().bindHost(), server.listen().port(), server.url());
        if (!scheme.equals(server.url().getScheme())) {
            // Browsers state the origin they are on; the CSRF check compares it with server.url's, scheme included.
            LOG.warn("knot serves {} but server.url is {}: browsers' cookie-authenticated writes will be refused as "
                    + "cross-site until server.url is the address browsers use", scheme, server.url());
        }
        try {
            signal.await();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        lifecycle.close();
        LOG.info("knot stopped");
        return ExitCodes.OK;
    }

    private static void logStorage(StorageConfig storage) {
        switch (storage.type()) {
            case EMBEDDED -> {
                EmbeddedStore embedded = storage.embedded();
                switch (embedded.origin()) {
                    case DEFAULT -> LOG.info("storage: embedded (Chronicle Map) at {} (the default: no store is "
                            + "enabled in the config)", embedded.directory());
                    case BADGERDB_ALIAS -> LOG.info("storage: embedded (Chronicle Map) at {} (server.badgerdb is "
                            + "read as the embedded store's section: data is kept in Chronicle Map, not BadgerDB, "
                            + "and BadgerDB files are not read)", embedded.directory());
                    case EMBEDDED_SECTION -> LOG.info("storage: embedded (Chronicle Map) at {}", embedded.directory());
                }
            }
            case MYSQL -> LOG.info("storage: MySQL at {}:{}, database {}; cache (sessions, agent state): {}",
                    storage.mysql().host(), storage.mysql().port(), storage.mysql().database(),
                    storage.cacheType() == StorageType.REDIS ? "Redis at " + storage.redis().hosts() : "MySQL");
            case REDIS -> LOG.info("storage: Redis at {} (also the cache for sessions and agent state)",
                    storage.redis().hosts());
        }
    }
}
