package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.UserStateFilter;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users: creating (the first admin too), listing, reading, changing and deleting them. */
final class UserRoutes implements RouteGroup {
    private static final String USERS = ApiPaths.V1 + "/users";
    private static final String USER = USERS + "/{user_id}";

    private final UserUseCases users;
    private final JsonCodec json;

    UserRoutes(UserUseCases users, JsonCodec json) {
        this.users = requireNonNull(users, "users is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.post(USERS).access(AccessRule.firstAdminOr(Permission.MANAGE_USERS)).onWorkerThread(this::create);
        routes.get(USERS).access(AccessRule.permission(Permission.MANAGE_USERS)).onWorkerThread(this::list);
        routes.get(USERS + "/whoami").access(AccessRule.AUTHENTICATED).onWorkerThread(this::whoami);
        // Self or a user manager: the domain decides, since "self" depends on the id in the path.
        routes.get(USER).access(AccessRule.AUTHENTICATED).onWorkerThread(this::get);
        routes.put(USER).access(AccessRule.AUTHENTICATED).onWorkerThread(this::update);
        routes.delete(USER).access(AccessRule.AUTHENTICATED).onWorkerThread(this::delete);
    }

    private void create(HttpServerExchange exchange) throws Exception {
        UserRequest request = json.readBody(exchange, UserRequest.class);
        Optional<Caller> caller = Caller.find(exchange);
        // No caller: the guard let the request through because knot has no user yet.
        User created = caller.isPresent()
                ? users.createUser(caller.get().user(), request.toCreateCommand())
                : users.createFirstAdmin(request.toCreateCommand());
        json.send(exchange, StatusCodes.CREATED, new UserReplies.UserCreated(true, created.id().value()));
    }

    private void list(HttpServerExchange exchange) {
        User caller = Caller.of(exchange).user();
        List<UserReplies.UserSummary> found = users.listUsers(caller, stateFilter(exchange)).stream()
                .map(user -> UserReplies.summary(user, caller))
                .toList();
        json.send(exchange, StatusCodes.OK, new UserReplies.UserList(found.size(), found));
    }

    private void whoami(HttpServerExchange exchange) {
        User caller = Caller.of(exchange).user();
        sendUser(exchange, caller, caller.id());
    }

    private void get(HttpServerExchange exchange) {
        sendUser(exchange, Caller.of(exchange).user(), ApiPaths.id(exchange, "user_id"));
    }

    private void update(HttpServerExchange exchange) throws Exception {
        User caller = Caller.of(exchange).user();
        Id<User> userId = ApiPaths.id(exchange, "user_id");
        UserRequest request = json.readBody(exchange, UserRequest.class);
        User current = users.getUser(caller, userId);
        users.updateUser(caller, userId, request.toUpdateCommand(current));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        users.deleteUser(Caller.of(exchange).user(), ApiPaths.id(exchange, "user_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void sendUser(HttpServerExchange exchange, User caller, Id<User> userId) {
        User user = users.getUser(caller, userId);
        String servicePassword = users.revealServicePassword(caller, userId);
        json.send(exchange, StatusCodes.OK, UserReplies.full(user, servicePassword, caller));
    }

    private static UserStateFilter stateFilter(HttpServerExchange exchange) {
        Deque<String> state = exchange.getQueryParameters().get("state");
        if (state == null || state.isEmpty() || state.getFirst().isEmpty()) {
            return UserStateFilter.ALL;
        }
        return switch (state.getFirst().toLowerCase(Locale.ROOT)) {
            case "all" -> UserStateFilter.ALL;
            case "active" -> UserStateFilter.ACTIVE;
            case "inactive" -> UserStateFilter.INACTIVE;
            default -> throw KnotException.invalid("state: must be all, active or inactive");
        };
    }
}
