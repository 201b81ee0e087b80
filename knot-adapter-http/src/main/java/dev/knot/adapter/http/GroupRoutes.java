package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;

/** Groups: any user lists them; everything else needs the manage-users permission, as in the original. */
final class GroupRoutes implements RouteGroup {
    private static final String GROUPS = ApiPaths.V1 + "/groups";
    private static final String GROUP = GROUPS + "/{group_id}";

    private final GroupUseCases groups;
    private final JsonCodec json;

    GroupRoutes(GroupUseCases groups, JsonCodec json) {
        this.groups = requireNonNull(groups, "groups is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** {@code {name}}. */
    record GroupRequest(String name) {
        GroupRequest {
            if (name == null) {
                throw KnotException.invalid("name: is required");
            }
        }
    }

    record GroupReply(String groupId, String name) {
        static GroupReply of(Group group) {
            return new GroupReply(group.id().value(), group.name());
        }
    }

    record GroupList(int count, List<GroupReply> groups) {}

    record GroupCreated(boolean status, String groupId) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        AccessRule manageUsers = AccessRule.permission(Permission.MANAGE_USERS);
        routes.get(GROUPS).access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
        routes.post(GROUPS).access(manageUsers).onWorkerThread(this::create);
        routes.get(GROUP).access(manageUsers).onWorkerThread(this::get);
        routes.put(GROUP).access(manageUsers).onWorkerThread(this::rename);
        routes.delete(GROUP).access(manageUsers).onWorkerThread(this::delete);
    }

    private void list(HttpServerExchange exchange) {
        List<GroupReply> found = groups.listGroups(caller(exchange)).stream().map(GroupReply::of).toList();
        json.send(exchange, StatusCodes.OK, new GroupList(found.size(), found));
    }

    private void create(HttpServerExchange exchange) throws Exception {
        GroupRequest request = json.readBody(exchange, GroupRequest.class);
        Group created = groups.createGroup(caller(exchange), request.name());
        json.send(exchange, StatusCodes.CREATED, new GroupCreated(true, created.id().value()));
    }

    private void get(HttpServerExchange exchange) {
        Group group = groups.getGroup(caller(exchange), ApiPaths.id(exchange, "group_id"));
        json.send(exchange, StatusCodes.OK, GroupReply.of(group));
    }

    private void rename(HttpServerExchange exchange) throws Exception {
        User caller = caller(exchange);
        GroupRequest request = json.readBody(exchange, GroupRequest.class);
        groups.renameGroup(caller, ApiPaths.id(exchange, "group_id"), request.name());
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        groups.deleteGroup(caller(exchange), ApiPaths.id(exchange, "group_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private static User caller(HttpServerExchange exchange) {
        return Caller.of(exchange).user();
    }
}
