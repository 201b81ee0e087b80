package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.SpaceServiceState;
import dev.knot.ports.in.SpaceSummary;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spaces, with the original's paths and JSON shapes. Any authenticated user may call these; the domain lets the
 * owner or a space manager act on a space, and answers 404 for anyone else's. Unlike the original, the service
 * state is only the owner's (or a space manager's) to read, and stopping another user's spaces needs the
 * manage-users or manage-spaces permission.
 */
final class SpaceRoutes implements RouteGroup {
    private static final String SPACES = ApiPaths.V1 + "/spaces";
    private static final String SPACE = SPACES + "/{space_id}";
    private static final String MANUAL_NAME_FORMAT = "None (%s)";
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final SpaceUseCases spaces;
    private final JsonCodec json;

    SpaceRoutes(SpaceUseCases spaces, JsonCodec json) {
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** One entry of GET /spaces; {@code volume_size} in GB. */
    record SpaceListEntry(String spaceId, String name, String templateName, String templateId, String location,
            String username, String userId, long volumeSize, String state) {
        static SpaceListEntry of(SpaceSummary summary) {
            Space space = summary.space();
            String templateName = space.agentUrl().isEmpty()
                    ? summary.templateName()
                    : String.format(MANUAL_NAME_FORMAT, space.agentUrl());
            return new SpaceListEntry(space.id().value(), space.name(), templateName, space.templateId().value(),
                    space.location(), summary.ownerName(), space.userId().value(), summary.volumeSize(),
                    stateName(space.state()));
        }
    }

    record SpaceList(int count, List<SpaceListEntry> spaces) {}

    record VolumeRef(String id, String namespace) {}

    /** GET /spaces/{space_id}: the original's fields, plus the state by name and why it failed. */
    record SpaceReply(String userId, String templateId, String name, String agentUrl, String shell, String location,
            List<String> altNames, boolean isDeployed, boolean isPending, boolean isDeleting,
            Map<String, Long> volumeSizes, Map<String, VolumeRef> volumeData, String state, String stateMessage) {
        static SpaceReply of(Space space) {
            Map<String, VolumeRef> volumeData = new TreeMap<>();
            for (Map.Entry<String, CsiVolumeRef> entry : space.volumeData().entrySet()) {
                volumeData.put(entry.getKey(), new VolumeRef(entry.getValue().id(), entry.getValue().namespace()));
            }
            Flags flags = Flags.of(space.state());
            return new SpaceReply(space.userId().value(), space.templateId().value(), space.name(), space.agentUrl(),
                    space.shell().value(), space.location(), space.altNames(), flags.deployed(), flags.pending(),
                    flags.deleting(), new TreeMap<>(space.volumeSizes()), volumeData, stateName(space.state()),
                    space.stateMessage());
        }
    }

    /** GET /spaces/{space_id}/service-state. */
    record ServiceStateReply(String name, String location, boolean hasCodeServer, boolean hasSsh,
            boolean hasHttpVnc, boolean hasTerminal, boolean isDeployed, boolean isPending, boolean isDeleting,
            Map<String, String> tcpPorts, Map<String, String> httpPorts, boolean updateAvailable, boolean isRemote,
            String state, String stateMessage) {
        static ServiceStateReply of(SpaceServiceState serviceState) {
            Space space = serviceState.space();
            Flags flags = serviceState.manual() ? new Flags(true, false, false) : Flags.of(space.state());
            AgentState agent = serviceState.agent().orElse(null);
            return new ServiceStateReply(space.name(), space.location(),
                    agent != null && agent.hasCodeServer(), agent != null && agent.sshPort() > 0,
                    agent != null && agent.vncHttpPort() > 0, agent != null && agent.hasTerminal(),
                    flags.deployed(), flags.pending(), flags.deleting(),
                    agent == null ? Map.of() : ports(agent.tcpPorts()),
                    agent == null ? Map.of() : ports(agent.httpPorts()),
                    serviceState.updateAvailable(), serviceState.remote(), stateName(space.state()),
                    space.stateMessage());
        }

        private static Map<String, String> ports(Map<Integer, String> byNumber) {
            Map<String, String> byText = new TreeMap<>();
            byNumber.forEach((number, name) -> byText.put(Integer.toString(number), name));
            return byText;
        }
    }

    /** The original's three state flags: stopped (F,F), starting (F,T), running (T,F), stopping (T,T). */
    record Flags(boolean deployed, boolean pending, boolean deleting) {
        static Flags of(SpaceState state) {
            return switch (state) {
                case STOPPED, FAILED -> new Flags(false, false, false);
                case STARTING -> new Flags(false, true, false);
                case RUNNING -> new Flags(true, false, false);
                case STOPPING -> new Flags(true, true, false);
                case DELETING -> new Flags(false, false, true);
            };
        }
    }

    record SpaceCreated(boolean status, String spaceId) {}

    /** GET /spaces/{space_id}/agent-key: what a hand-installed agent is given as KNOT_AGENT_KEY. */
    record AgentKeyReply(String registrationKey) {
        @Override
        public String toString() {
            return "AgentKeyReply[registration_key=(hidden)]";
        }
    }

    @Override
    public void addTo(RouteTable.Builder routes) {
        routes.get(SPACES).access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
        routes.post(SPACES).access(AccessRule.AUTHENTICATED).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::create);
        routes.get(SPACE).access(AccessRule.AUTHENTICATED).onWorkerThread(this::get);
        routes.put(SPACE).access(AccessRule.AUTHENTICATED).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::update);
        routes.delete(SPACE).access(AccessRule.AUTHENTICATED).onWorkerThread(this::delete);
        routes.post(SPACE + "/start").access(AccessRule.AUTHENTICATED).onWorkerThread(this::start);
        routes.post(SPACE + "/stop").access(AccessRule.AUTHENTICATED).onWorkerThread(this::stop);
        routes.get(SPACE + "/service-state").access(AccessRule.AUTHENTICATED).onWorkerThread(this::serviceState);
        routes.get(SPACE + "/agent-key").access(AccessRule.AUTHENTICATED).onWorkerThread(this::agentKey);
        routes.post(SPACES + "/stop-for-user/{user_id}").access(AccessRule.AUTHENTICATED)
                .onWorkerThread(this::stopForUser);
    }

    /**
     * {@code user_id} names whose spaces to list (another user's needs manage-spaces). Without it a space manager
     * gets every space, anyone else their own: the original listed every space to anyone.
     */
    private void list(HttpServerExchange exchange) {
        User caller = caller(exchange);
        Deque<String> userId = exchange.getQueryParameters().get("user_id");
        List<SpaceSummary> found;
        if (userId == null || userId.isEmpty() || userId.getFirst().isEmpty()) {
            found = caller.hasPermission(Permission.MANAGE_SPACES)
                    ? spaces.listAllSpaces(caller)
                    : spaces.listSpaces(caller, caller.id());
        } else {
            found = Id.isValid(userId.getFirst())
                    ? spaces.listSpaces(caller, Id.of(userId.getFirst()))
                    : List.of();
        }
        List<SpaceListEntry> entries = found.stream().map(SpaceListEntry::of).toList();
        json.send(exchange, StatusCodes.OK, new SpaceList(entries.size(), entries));
    }

    private void create(HttpServerExchange exchange) throws Exception {
        SpaceRequest request = json.readBody(exchange, SpaceRequest.class);
        Space created = spaces.createSpace(caller(exchange), request.toCreateCommand());
        json.send(exchange, StatusCodes.CREATED, new SpaceCreated(true, created.id().value()));
    }

    private void get(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK, SpaceReply.of(spaces.getSpace(caller(exchange), spaceId(exchange))));
    }

    private void update(HttpServerExchange exchange) throws Exception {
        User caller = caller(exchange);
        Id<Space> spaceId = spaceId(exchange);
        SpaceRequest request = json.readBody(exchange, SpaceRequest.class);
        Space current = spaces.getSpace(caller, spaceId);
        spaces.updateSpace(caller, spaceId, request.toUpdateCommand(current));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        spaces.deleteSpace(caller(exchange), spaceId(exchange));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void start(HttpServerExchange exchange) {
        spaces.startSpace(caller(exchange), spaceId(exchange));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void stop(HttpServerExchange exchange) {
        spaces.stopSpace(caller(exchange), spaceId(exchange));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void serviceState(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK,
                ServiceStateReply.of(spaces.serviceState(caller(exchange), spaceId(exchange))));
    }

    private void agentKey(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK,
                new AgentKeyReply(spaces.agentRegistrationKey(caller(exchange), spaceId(exchange))));
    }

    private void stopForUser(HttpServerExchange exchange) {
        spaces.stopSpacesOfUser(caller(exchange), ApiPaths.id(exchange, "user_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private static Id<Space> spaceId(HttpServerExchange exchange) {
        return ApiPaths.id(exchange, "space_id");
    }

    private static String stateName(SpaceState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static User caller(HttpServerExchange exchange) {
        return Caller.of(exchange).user();
    }
}
