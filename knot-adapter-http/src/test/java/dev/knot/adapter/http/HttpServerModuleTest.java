package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.knot.ports.runtime.ManagedService;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpServerModuleTest {

    @Test
    void the_module_binds_a_listener_that_answers_health_under_knot_apps_strict_guice() throws Exception {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().requireExactBindingAnnotations();
                binder().disableCircularProxies();
                UseCases.of(new World()).bindIn(binder());
                install(new HttpServerModule(TestServers.config()));
            }
        });

        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}));

        assertThat(services).singleElement().isInstanceOf(HttpServer.class);
        HttpServer server = (HttpServer) services.iterator().next();
        assertThat(server.name()).isEqualTo("http listener");
        server.start();
        try {
            HttpResponse<String> response = TestServers.get(server, "/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("OK");
        } finally {
            server.close();
        }
    }
}
