package dev.knot.app.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.knot.adapter.embedded.EmbeddedConfig;
import dev.knot.adapter.embedded.EmbeddedStorageModule;
import dev.knot.app.backup.DurableRecords;
import dev.knot.app.backup.DurableStore;
import dev.knot.app.backup.SampleRecords;
import dev.knot.domain.crypto.AesGcmSecretCipher;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** An embedded store opened with the adapter alone (not the code under test), to fill it or look into it. */
final class EmbeddedStoreAccess {
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});

    private EmbeddedStoreAccess() {}

    static void fill(Path directory, String serverKey, DurableRecords records) {
        withStore(directory, serverKey, store -> {
            records.groups().forEach(store.groups()::save);
            records.users().forEach(store.users()::create);
            records.templates().forEach(store.templates()::save);
            records.templateVars().forEach(store.templateVars()::save);
            records.volumes().forEach(store.volumes()::save);
            records.spaces().forEach(store.spaces()::create);
            records.tokens().forEach(store.tokens()::save);
            return records;
        });
    }

    static DurableRecords records(Path directory, String serverKey) {
        return withStore(directory, serverKey, SampleRecords::readFrom);
    }

    static <T> T withStore(Path directory, String serverKey, Function<DurableStore, T> work) {
        Injector injector = Guice.createInjector(
                binder -> binder.bind(Clock.class).toInstance(Instant::now),
                new EmbeddedStorageModule(new EmbeddedConfig(directory)));
        List<ManagedService> services = List.copyOf(injector.getInstance(SERVICES));
        services.forEach(ManagedService::start);
        try {
            return work.apply(new DurableStore(injector.getInstance(UserRepository.class),
                    injector.getInstance(GroupRepository.class), injector.getInstance(TemplateRepository.class),
                    injector.getInstance(TemplateVarRepository.class), injector.getInstance(SpaceRepository.class),
                    injector.getInstance(VolumeRepository.class), injector.getInstance(TokenRepository.class),
                    new AesGcmSecretCipher(serverKey)));
        } finally {
            services.forEach(ManagedService::close);
        }
    }
}
