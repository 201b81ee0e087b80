package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Role;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Arrays;
import java.util.List;

/** {@code GET /roles}: the built-in roles, as {@code [{id_role, role_name}]}. They are code, so no port is asked. */
final class RoleRoutes implements RouteGroup {
    private static final List<RoleName> ROLES =
            Arrays.stream(Role.values()).map(role -> new RoleName(role.id(), role.displayName())).toList();

    private final JsonCodec json;

    RoleRoutes(JsonCodec json) {
        this.json = requireNonNull(json, "json is null");
    }

    record RoleName(String idRole, String roleName) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(ApiPaths.V1 + "/roles").access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
    }

    private void list(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK, ROLES);
    }
}
