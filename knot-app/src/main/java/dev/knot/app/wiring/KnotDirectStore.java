package dev.knot.app.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.app.backup.DurableStore;
import dev.knot.app.cli.DirectStore;
import dev.knot.app.config.LoadedConfig;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens the configured store the way `knot server` does (same modules, same start order, the same single-process
 * lock on an embedded store) but without the HTTP listener, runs one task, and closes everything again.
 */
public final class KnotDirectStore implements DirectStore {
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});

    @Override
    public String withUsers(LoadedConfig config, Function<UserUseCases, String> task) {
        return withInjector(config, injector -> task.apply(injector.getInstance(UserUseCases.class)));
    }

    @Override
    public String withDurableStore(LoadedConfig config, Function<DurableStore, String> task) {
        return withInjector(config, injector -> task.apply(new DurableStore(
                injector.getInstance(UserRepository.class),
                injector.getInstance(GroupRepository.class),
                injector.getInstance(TemplateRepository.class),
                injector.getInstance(TemplateVarRepository.class),
                injector.getInstance(SpaceRepository.class),
                injector.getInstance(VolumeRepository.class),
                injector.getInstance(TokenRepository.class),
                injector.getInstance(SecretCipher.class))));
    }

    private static String withInjector(LoadedConfig config, Function<Injector, String> task) {
        Injector injector;
        try {
            injector = Guice.createInjector(Stage.PRODUCTION, ServerModules.forAdminTool(config.config()));
        } catch (CreationException | ProvisionException failure) {
            throw AssemblyFailures.knotCause(failure).orElseGet(() -> new KnotException(ErrorCode.INTERNAL,
                    "knot could not be assembled: " + failure.getMessage(), failure));
        }
        try (ServiceLifecycle lifecycle = new ServiceLifecycle(List.copyOf(injector.getInstance(SERVICES)))) {
            lifecycle.start();
            return task.apply(injector);
        }
    }
}
