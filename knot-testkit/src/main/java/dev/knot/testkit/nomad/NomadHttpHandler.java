package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Nomad's HTTP API over the simulator's state: faults, ACL and leader checks, then routing by method and path. */
final class NomadHttpHandler implements HttpHandler {
    private static final Pattern JOB = Pattern.compile("/v1/job/([^/]+)");
    private static final Pattern JOB_ALLOCATIONS = Pattern.compile("/v1/job/([^/]+)/allocations");
    private static final Pattern ALLOCATION = Pattern.compile("/v1/allocation/([^/]+)");
    private static final Pattern EVALUATION = Pattern.compile("/v1/evaluation/([^/]+)");
    private static final Pattern CSI_VOLUME = Pattern.compile("/v1/volume/csi/([^/]+)");
    private static final Pattern CSI_CREATE = Pattern.compile("/v1/volume/csi/([^/]+)/create");
    private static final Pattern CSI_DELETE = Pattern.compile("/v1/volume/csi/([^/]+)/delete");
    private static final Pattern FILE = Pattern.compile("/v1/client/fs/cat/([^/]+)");
    private static final Pattern NAMESPACE = Pattern.compile("/v1/namespace/([^/]+)");
    private static final String LEADER_ADDRESS = "127.0.0.1:4647";
    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private final ClusterState state;
    private final AllocationRunner runner;
    private final NomadFaults faults;
    private final Optional<String> aclToken;
    private final List<RecordedRequest> requests;
    private final Supplier<Integer> port;

    NomadHttpHandler(ClusterState state, AllocationRunner runner, NomadFaults faults, Optional<String> aclToken,
            List<RecordedRequest> requests, Supplier<Integer> port) {
        this.state = state;
        this.runner = runner;
        this.faults = faults;
        this.aclToken = aclToken;
        this.requests = requests;
        this.port = port;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            NomadExchange request = new NomadExchange(exchange);
            requests.add(new RecordedRequest(request.method(), request.path(), request.rawQuery(), request.body()));
            if (applyFaults(exchange, request)) {
                return;
            }
            try {
                checkAccess(request);
                route(request);
            } catch (NotFoundAtIndex notFound) {
                request.answerNotFoundAtIndex(notFound.index(), notFound.getMessage());
            } catch (NomadError error) {
                request.answerError(error.status(), error.getMessage());
            } catch (RuntimeException unexpected) {
                request.answerError(500, String.valueOf(unexpected.getMessage()));
            }
        } finally {
            exchange.close();
        }
    }

    /** True when a fault answered (or dropped) the request. */
    private boolean applyFaults(HttpExchange exchange, NomadExchange request) throws IOException {
        for (NomadFaults.Fault fault : faults.match(request.method(), request.path())) {
            switch (fault.kind()) {
                case DELAY:
                    try {
                        Thread.sleep(fault.delay().toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    break;
                case DROP:
                    // Closing without sendResponseHeaders: the client reads no status line at all.
                    exchange.close();
                    return true;
                default:
                    request.answerError(fault.status(), fault.message());
                    return true;
            }
        }
        return false;
    }

    private void checkAccess(NomadExchange request) {
        boolean leaderEndpoint = request.path().startsWith("/v1/status/");
        if (faults.leaderLost() && (leaderEndpoint || !request.method().equals("GET") || !request.flag("stale"))) {
            throw NomadError.serverError("No cluster leader");
        }
        if (aclToken.isPresent() && !leaderEndpoint) {
            String token = request.token();
            if (token.isEmpty()) {
                throw new NomadError(403, "Permission denied");
            }
            if (!token.equals(aclToken.get())) {
                throw new NomadError(403, "ACL token not found");
            }
        }
    }

    private void route(NomadExchange request) throws IOException {
        String path = request.path();
        String method = request.method();
        boolean read = method.equals("GET");
        boolean write = method.equals("PUT") || method.equals("POST");
        boolean delete = method.equals("DELETE");
        Matcher matcher;
        if (path.equals("/v1/status/leader")) {
            requireMethod(read);
            request.answerJson(LEADER_ADDRESS);
        } else if (path.equals("/v1/status/peers")) {
            requireMethod(read);
            request.answerJson(List.of(LEADER_ADDRESS));
        } else if (path.equals("/v1/agent/self")) {
            requireMethod(read);
            request.answerJson(agentSelf());
        } else if (path.equals("/v1/namespaces")) {
            requireMethod(read);
            String prefix = request.query("prefix", "");
            blocking(request, () -> {
                ClusterState.Indexed<List<ObjectNode>> all = state.namespaces();
                return new ClusterState.Indexed<>(all.index(), all.value().stream()
                        .filter(namespace -> namespace.path("Name").asText().startsWith(prefix)).toList());
            });
        } else if ((matcher = NAMESPACE.matcher(path)).matches()) {
            requireMethod(read);
            String name = matcher.group(1);
            blocking(request, () -> {
                ClusterState.Indexed<List<ObjectNode>> all = state.namespaces();
                return new ClusterState.Indexed<>(all.index(), all.value().stream()
                        .filter(namespace -> namespace.path("Name").asText().equals(name)).findFirst()
                        .orElseThrow(() -> NomadError.notFound("Namespace not found")));
            });
        } else if (path.equals("/v1/jobs/parse")) {
            requireMethod(write);
            parse(request);
        } else if (path.equals("/v1/jobs")) {
            requireMethod(read || write);
            if (read) {
                String prefix = request.query("prefix", "");
                blocking(request, () -> state.jobs(request.namespace(), prefix));
            } else {
                register(request, null);
            }
        } else if ((matcher = JOB_ALLOCATIONS.matcher(path)).matches()) {
            requireMethod(read);
            String id = matcher.group(1);
            boolean all = request.flag("all");
            blocking(request, () -> state.allocationsOfJob(request.namespace(), id, all));
        } else if ((matcher = JOB.matcher(path)).matches()) {
            String id = matcher.group(1);
            if (read) {
                blocking(request, () -> state.job(request.namespace(), id));
            } else if (write) {
                register(request, id);
            } else if (delete) {
                deregister(request, id);
            } else {
                requireMethod(false);
            }
        } else if (path.equals("/v1/allocations")) {
            requireMethod(read);
            blocking(request, () -> state.allocations(request.namespace()));
        } else if ((matcher = ALLOCATION.matcher(path)).matches()) {
            requireMethod(read);
            String id = matcher.group(1);
            blocking(request, () -> state.allocation(id));
        } else if ((matcher = EVALUATION.matcher(path)).matches()) {
            requireMethod(read);
            String id = matcher.group(1);
            blocking(request, () -> state.evaluation(id));
        } else if ((matcher = FILE.matcher(path)).matches()) {
            requireMethod(read);
            request.answerFile(file(matcher.group(1), request.query("path", "/")));
        } else if ((matcher = CSI_CREATE.matcher(path)).matches()) {
            requireMethod(write);
            createVolumes(request);
        } else if ((matcher = CSI_DELETE.matcher(path)).matches()) {
            requireMethod(delete);
            request.answerEmpty(state.deleteVolume(request.namespace(), matcher.group(1)));
        } else if ((matcher = CSI_VOLUME.matcher(path)).matches()) {
            String id = matcher.group(1);
            if (read) {
                blocking(request, () -> state.volume(request.namespace(), id));
            } else if (delete) {
                request.answerEmpty(state.deleteVolume(request.namespace(), id));
            } else {
                requireMethod(false);
            }
        } else if (path.equals("/v1/volumes")) {
            requireMethod(read);
            String type = request.query("type", "");
            String prefix = request.query("prefix", "");
            if (type.equals("csi")) {
                blocking(request, () -> state.volumes(request.namespace(), prefix));
            } else if (type.isEmpty() || type.equals("host")) {
                // Without a type Nomad lists nothing; host volumes are not simulated, so that list is empty too.
                request.answerQuery(state.tableIndex(ClusterState.VOLUMES), List.of());
            } else {
                throw NomadError.notFound("resource not found");
            }
        } else {
            // Nomad's fall-through handler: unknown paths are a 404 with no body.
            request.answerError(404, "");
        }
    }

    /** A file of an allocation directory, as Nomad's client fs/cat; nothing outside the directory. */
    private byte[] file(String allocId, String relative) {
        Path directory = state.allocationDirectory(allocId);
        Path file = directory.resolve(relative.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw NomadError.serverError("stat " + relative + ": no such file or directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException failure) {
            throw NomadError.serverError(failure.getMessage());
        }
    }

    private static void requireMethod(boolean allowed) {
        if (!allowed) {
            throw new NomadError(405, "Invalid method");
        }
    }

    private <T> void blocking(NomadExchange request, Supplier<ClusterState.Indexed<T>> query) throws IOException {
        ClusterState.Indexed<T> result = state.await(request.minIndex(), request.waitTime(), query);
        request.answerQuery(result.index(), result.value());
    }

    private void parse(NomadExchange request) throws IOException {
        JsonNode body = request.jsonBody();
        JsonNode hcl = NomadExchange.field(body, "JobHCL");
        JsonNode canonicalize = NomadExchange.field(body, "Canonicalize");
        ObjectNode job = JobHclParser.parse(hcl == null || hcl.isNull() ? "" : hcl.asText(),
                canonicalize != null && canonicalize.asBoolean(false), request.namespace());
        request.answerJson(job);
    }

    private void register(NomadExchange request, String pathId) throws IOException {
        JsonNode job = NomadExchange.field(request.jsonBody(), "Job");
        if (job == null || !job.isObject()) {
            throw NomadError.badRequest("Job must be specified");
        }
        JsonNode id = NomadExchange.field(job, "ID");
        if (id == null || id.asText("").isEmpty()) {
            throw NomadError.badRequest("Job ID hasn't been provided");
        }
        if (pathId != null && !pathId.equals(id.asText())) {
            throw NomadError.badRequest("Job ID does not match name");
        }
        ObjectNode spec = withoutServerFields((ObjectNode) job.deepCopy());
        // Namespace precedence as Nomad's namespaceForJob: ?namespace=, then the job's own, then "default".
        String namespace = request.query("namespace", NomadExchange.text(spec, "Namespace", "default"));
        spec.put("Namespace", namespace);
        JobDefaults.apply(spec, namespace);
        validate(spec);
        ClusterState.Registration registration = state.register(spec, Instant.now());
        if (!registration.replaced().isEmpty()) {
            runner.stop(registration.replaced());
        }
        if (registration.placementNeeded()) {
            runner.place(namespace, spec.path("ID").asText());
        }
        ObjectNode answer = FACTORY.objectNode();
        answer.put("EvalID", registration.evalId());
        answer.put("EvalCreateIndex", registration.index());
        answer.put("JobModifyIndex", registration.jobModifyIndex());
        answer.put("Warnings", "");
        answer.put("Index", registration.index());
        answer.put("LastContact", 0);
        answer.put("KnownLeader", false);
        request.answerWrite(registration.index(), answer);
    }

    /** The checks of Nomad's Job.Validate that a template can trip over, as its multi-error text. */
    private static void validate(ObjectNode spec) {
        StringBuilder errors = new StringBuilder();
        int count = 0;
        JsonNode groups = spec.path("TaskGroups");
        if (!groups.isArray() || groups.isEmpty()) {
            errors.append("\n\t* Missing job task groups");
            count++;
        }
        for (JsonNode group : groups) {
            JsonNode tasks = group.path("Tasks");
            if (!tasks.isArray() || tasks.isEmpty()) {
                errors.append("\n\t* Task group ").append(group.path("Name").asText())
                        .append(" validation failed: Missing tasks for task group");
                count++;
            }
            for (JsonNode task : tasks) {
                if (task.path("Driver").asText("").isEmpty()) {
                    errors.append("\n\t* Task group ").append(group.path("Name").asText())
                            .append(" validation failed: Task ").append(task.path("Name").asText())
                            .append(" validation failed: Missing task driver");
                    count++;
                }
            }
        }
        if (count > 0) {
            throw NomadError.serverError(count + (count == 1 ? " error occurred:" : " errors occurred:")
                    + errors + "\n\n");
        }
    }

    private static ObjectNode withoutServerFields(ObjectNode job) {
        for (String field : List.of("Status", "StatusDescription", "Stable", "Version", "SubmitTime", "CreateIndex",
                "ModifyIndex", "JobModifyIndex", "Stop")) {
            job.remove(field);
        }
        return job;
    }

    private void deregister(NomadExchange request, String id) throws IOException {
        boolean purge = request.flag("purge");
        Map.Entry<ClusterState.Indexed<String>, List<Allocation>> result =
                state.deregister(request.namespace(), id, purge, Instant.now());
        runner.stop(result.getValue());
        long index = result.getKey().index();
        ObjectNode answer = FACTORY.objectNode();
        answer.put("EvalID", result.getKey().value());
        answer.put("EvalCreateIndex", result.getKey().value().isEmpty() ? 0 : index);
        answer.put("JobModifyIndex", index);
        answer.put("Index", index);
        answer.put("LastContact", 0);
        answer.put("KnownLeader", false);
        request.answerWrite(index, answer);
    }

    private void createVolumes(NomadExchange request) throws IOException {
        JsonNode volumes = NomadExchange.field(request.jsonBody(), "Volumes");
        if (volumes == null || !volumes.isArray() || volumes.isEmpty()) {
            throw NomadError.badRequest("must specify at least one volume");
        }
        ArrayNode created = FACTORY.arrayNode();
        long index = 0;
        for (JsonNode volume : volumes) {
            ObjectNode copy = (ObjectNode) volume.deepCopy();
            String id = NomadExchange.text(copy, "ID", "");
            List<String> problems = new ArrayList<>();
            if (id.isEmpty()) {
                problems.add("missing volume id");
            }
            if (NomadExchange.text(copy, "PluginID", "").isEmpty()) {
                problems.add("missing plugin id");
            }
            JsonNode capabilities = NomadExchange.field(copy, "RequestedCapabilities");
            if (capabilities == null || !capabilities.isArray() || capabilities.isEmpty()) {
                problems.add("must include at least one capability block");
            }
            if (!problems.isEmpty()) {
                throw NomadError.serverError("validation: " + String.join(", ", problems));
            }
            if (NomadExchange.text(copy, "Namespace", "").isEmpty()) {
                copy.put("Namespace", request.namespace());
            }
            index = state.createVolume(copy, Instant.now());
            created.add(copy);
        }
        ObjectNode answer = FACTORY.objectNode();
        answer.set("Volumes", created);
        answer.put("Warnings", "");
        answer.put("Index", index);
        answer.put("LastContact", 0);
        answer.put("KnownLeader", false);
        request.answerWrite(index, answer);
    }

    private ObjectNode agentSelf() {
        ObjectNode self = FACTORY.objectNode();
        ObjectNode config = self.putObject("config");
        config.put("Region", NomadSimulator.REGION);
        config.put("Datacenter", NomadSimulator.DATACENTER);
        config.put("NodeName", NomadSimulator.NODE_NAME);
        ObjectNode version = config.putObject("Version");
        version.put("Version", NomadSimulator.VERSION);
        version.put("VersionPrerelease", "");
        version.put("VersionMetadata", "simulator");
        version.put("Revision", "");
        ObjectNode ports = config.putObject("Ports");
        ports.put("HTTP", port.get());
        ports.put("RPC", 4647);
        ports.put("Serf", 4648);
        config.putObject("Server").put("Enabled", true);
        config.putObject("Client").put("Enabled", true);
        config.putObject("ACL").put("Enabled", aclToken.isPresent());
        ObjectNode member = self.putObject("member");
        member.put("Name", NomadSimulator.NODE_NAME + "." + NomadSimulator.REGION);
        member.put("Addr", "127.0.0.1");
        member.put("Port", 4648);
        member.put("Status", "alive");
        ObjectNode tags = member.putObject("Tags");
        tags.put("region", NomadSimulator.REGION);
        tags.put("dc", NomadSimulator.DATACENTER);
        tags.put("role", "nomad");
        tags.put("build", NomadSimulator.VERSION);
        ObjectNode nomad = self.putObject("stats").putObject("nomad");
        nomad.put("server", "true");
        nomad.put("leader", String.valueOf(!faults.leaderLost()));
        nomad.put("leader_addr", faults.leaderLost() ? "" : LEADER_ADDRESS);
        nomad.put("known_regions", "1");
        return self;
    }
}
