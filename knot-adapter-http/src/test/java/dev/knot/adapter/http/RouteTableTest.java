package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.Permission;
import io.undertow.server.HttpHandler;
import io.undertow.util.Methods;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final HttpHandler NOTHING = exchange -> {};

    private final RouteTable.Builder routes = RouteTable.builder(1024);

    @Test
    void a_route_declared_without_an_access_rule_fails_the_build() {
        routes.get("/health").access(AccessRule.PUBLIC).onIoThread(NOTHING);
        routes.post("/api/v1/users");

        assertThatThrownBy(routes::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /api/v1/users");
    }

    @Test
    void a_null_access_rule_is_refused_at_once() {
        assertThatThrownBy(() -> routes.get("/x").access(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("access rule of GET /x is null");
    }

    @Test
    void a_handler_can_only_be_attached_after_an_access_rule() {
        // The first stage of a declaration has no way to take a handler, so skipping the rule does not compile.
        assertThat(Arrays.stream(RouteTable.Builder.Declaration.class.getDeclaredMethods())
                        .filter(method -> !method.isSynthetic())
                        .map(Method::getName))
                .containsExactly("access");
        assertThat(Arrays.stream(RouteTable.Builder.Declaration.class.getDeclaredMethods())
                        .flatMap(method -> Arrays.stream(method.getParameterTypes())))
                .doesNotContain(HttpHandler.class);
    }

    @Test
    void only_public_routes_may_run_on_the_io_thread() {
        RouteTable.Builder.GuardedDeclaration declaration =
                routes.get("/api/v1/users").access(AccessRule.permission(Permission.MANAGE_USERS));

        assertThatThrownBy(() -> declaration.onIoThread(NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /api/v1/users");
    }

    @Test
    void a_route_declared_twice_is_refused() {
        routes.get("/health").access(AccessRule.PUBLIC).onIoThread(NOTHING);

        assertThatThrownBy(() -> routes.get("/health"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("route GET /health is declared twice");
    }

    @Test
    void a_declaration_takes_one_handler_only() {
        RouteTable.Builder.GuardedDeclaration declaration = routes.get("/health").access(AccessRule.PUBLIC);
        declaration.onIoThread(NOTHING);

        assertThatThrownBy(() -> declaration.onWorkerThread(NOTHING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("route GET /health already has a handler");
    }

    @Test
    void a_get_route_answers_head_too_unless_head_is_declared() {
        routes.get("/health").access(AccessRule.PUBLIC).onIoThread(NOTHING);
        routes.get("/other").access(AccessRule.PUBLIC).onIoThread(NOTHING);
        routes.route(Methods.HEAD, "/other").access(AccessRule.PUBLIC).onIoThread(NOTHING);

        RouteTable table = routes.build();

        assertThat(table.routes())
                .extracting(route -> route.method() + " " + route.pathTemplate())
                .containsExactlyInAnyOrder("GET /health", "HEAD /health", "GET /other", "HEAD /other");
    }

    @Test
    void routes_keep_the_default_body_limit_unless_they_declare_their_own() {
        routes.get("/health").access(AccessRule.PUBLIC).onIoThread(NOTHING);
        routes.post("/api/v1/templates")
                .access(AccessRule.permission(Permission.MANAGE_TEMPLATES))
                .maxBodyBytes(10_000_000)
                .onWorkerThread(NOTHING);

        RouteTable table = routes.build();

        assertThat(table.routes())
                .filteredOn(route -> route.pathTemplate().equals("/health"))
                .extracting(Route::maxBodyBytes)
                .containsOnly(1024L);
        assertThat(table.largestBodyLimit()).isEqualTo(10_000_000);
    }

    @Test
    void a_path_template_must_be_absolute() {
        assertThatThrownBy(() -> routes.get("health")).isInstanceOf(IllegalArgumentException.class);
    }
}
