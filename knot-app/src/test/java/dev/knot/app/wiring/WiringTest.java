package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.config.StorageType;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.runtime.ManagedService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Builds the injector for each store in Stage.TOOL: every binding is checked, nothing is instantiated or opened. */
class WiringTest {
    private static final List<Class<?>> DRIVEN_PORTS = List.of(
            UserRepository.class, GroupRepository.class, TemplateRepository.class, TemplateVarRepository.class,
            SpaceRepository.class, VolumeRepository.class, TokenRepository.class, SessionStore.class,
            AgentStateStore.class, Clock.class);

    @TempDir
    Path working;

    @ParameterizedTest
    @EnumSource(value = StorageType.class, names = "EMBEDDED")
    void everyDrivenPortIsBoundForAnAvailableStore(StorageType type) {
        Injector injector = Guice.createInjector(Stage.TOOL, ServerModules.forConfig(configFor(type)));

        for (Class<?> port : DRIVEN_PORTS) {
            assertThat(injector.getExistingBinding(Key.get(port))).as(port.getSimpleName()).isNotNull();
        }
        assertThat(injector.getExistingBinding(Key.get(new TypeLiteral<Set<ManagedService>>() {}))).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = StorageType.class, names = {"MYSQL", "REDIS"})
    void aStoreWithoutAnAdapterInThisBuildIsRefusedClearly(StorageType type) {
        String store = type == StorageType.MYSQL ? "MySQL" : "Redis";

        assertThatThrownBy(() -> ServerModules.forConfig(configFor(type)))
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith(store + " storage is not available in this build yet");
    }

    private KnotConfig configFor(StorageType type) {
        String section = switch (type) {
            case EMBEDDED -> "embedded";
            case MYSQL -> "mysql";
            case REDIS -> "redis";
        };
        ConfigEnvironment environment = new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host");
        KnotConfig config = new ConfigLoader(environment).fromYaml("server: {" + section + ": {enabled: true}}");
        assertThat(config.server().storage().type()).isEqualTo(type);
        return config;
    }
}
