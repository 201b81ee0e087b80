package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.VolumeScheduler;
import dev.knot.ports.runtime.ManagedService;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module under knot-app's strict Guice settings; nothing connects, so no Nomad is needed. */
class NomadModuleTest {
    private static final NomadConfig CONFIG = NomadConfig.of(URI.create("http://127.0.0.1:4646"), "token");

    @Test
    void bindsBothSchedulersAsSingletonsAndTheClientAsOneManagedService() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                install(new NomadModule(CONFIG));
                install(new NomadModule(CONFIG));
            }
        });

        assertThat(injector.getInstance(JobScheduler.class)).isInstanceOf(NomadJobScheduler.class)
                .isSameAs(injector.getInstance(JobScheduler.class));
        assertThat(injector.getInstance(VolumeScheduler.class)).isInstanceOf(NomadVolumeScheduler.class)
                .isSameAs(injector.getInstance(VolumeScheduler.class));
        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));
        assertThat(services).singleElement().isInstanceOf(NomadConnection.class)
                .isSameAs(injector.getInstance(NomadConnection.class));
    }
}
