package dev.knot.testkit.nomad;

import static dev.knot.testkit.nomad.NomadHttp.body;
import static dev.knot.testkit.nomad.NomadHttp.eventually;
import static dev.knot.testkit.nomad.NomadHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NomadSimulatorTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final List<NomadSimulator> started = new ArrayList<>();

    private NomadSimulator simulator(NomadSimulator.Builder builder) {
        NomadSimulator simulator = builder.start();
        started.add(simulator);
        return simulator;
    }

    @AfterEach
    void stopSimulators() {
        started.forEach(NomadSimulator::stop);
    }

    private static String rawExecJob(String id, String command, String... args) {
        StringBuilder argList = new StringBuilder();
        for (String arg : args) {
            argList.append(argList.length() == 0 ? "" : ", ").append('"').append(arg.replace("\"", "\\\""))
                    .append('"');
        }
        return "job \"" + id + "\" {\n  group \"g\" {\n    network {\n      port \"http\" {}\n    }\n"
                + "    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n        command = \"" + command
                + "\"\n        args = [" + argList + "]\n      }\n      env {\n        GREETING = \"hi-${NOMAD_JOB_ID}\"\n"
                + "      }\n    }\n  }\n}\n";
    }

    /** Parse, then register the parsed job, as knot does. */
    private static JsonNode parseAndRegister(NomadHttp http, String hcl) throws IOException, InterruptedException {
        HttpResponse<String> parsed = http.post("/v1/jobs/parse",
                body(Map.of("JobHCL", hcl, "Canonicalize", false)));
        assertThat(parsed.statusCode()).as(parsed.body()).isEqualTo(200);
        ObjectNode request = NomadHttp.JSON.createObjectNode();
        request.set("Job", json(parsed));
        HttpResponse<String> registered = http.post("/v1/jobs", body(request));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        return json(registered);
    }

    private static JsonNode onlyAllocation(NomadHttp http, String jobId) {
        try {
            JsonNode allocations = json(http.get("/v1/job/" + jobId + "/allocations"));
            return allocations.size() == 1 ? allocations.get(0) : NomadHttp.JSON.missingNode();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void parseOverHttpAnswersJobJsonAndBadHclIsA400InPlainText() throws IOException, InterruptedException {
        NomadHttp http = new NomadHttp(simulator(NomadSimulator.builder()).url());

        HttpResponse<String> parsed = http.post("/v1/jobs/parse", body(Map.of("JobHCL", rawExecJob("a", "true"))));
        HttpResponse<String> broken = http.post("/v1/jobs/parse", body(Map.of("jobhcl", "job \"a\" {\n group \"g\" {")));
        HttpResponse<String> empty = http.post("/v1/jobs/parse", "");

        assertThat(parsed.statusCode()).isEqualTo(200);
        assertThat(json(parsed).path("TaskGroups").get(0).path("Tasks").get(0).path("Driver").asText())
                .isEqualTo("raw_exec");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(broken.body()).startsWith("Failed to parse job: input.hcl:2,");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("Request body is empty");
    }

    @Test
    void aRawExecJobRunsWithNomadsVariablesAndDeregisterKillsItsProcesses() throws Exception {
        NomadSimulator nomad = simulator(NomadSimulator.builder());
        NomadHttp http = new NomadHttp(nomad.url());

        JsonNode registered = parseAndRegister(http, rawExecJob("web", "/bin/sh", "-c",
                "echo $NOMAD_PORT_http > $NOMAD_ALLOC_DIR/port; echo $NOMAD_JOB_NAME $NOMAD_TASK_NAME "
                        + "$NOMAD_GROUP_NAME $NOMAD_NAMESPACE $GREETING > $NOMAD_TASK_DIR/names; "
                        + "echo ${NOMAD_ALLOC_ID} > $NOMAD_ALLOC_DIR/alloc; sleep 60"));

        assertThat(registered.path("EvalID").asText()).isNotEmpty();
        eventually(LIMIT, "allocation running", () -> onlyAllocation(http, "web").path("ClientStatus").asText()
                .equals("running"));
        JsonNode allocation = json(http.get("/v1/allocation/" + onlyAllocation(http, "web").path("ID").asText()));
        String allocId = allocation.path("ID").asText();
        int port = allocation.path("AllocatedResources").path("Shared").path("Ports").get(0).path("Value").asInt();
        assertThat(allocation.path("TaskStates").path("t").path("State").asText()).isEqualTo("running");
        assertThat(json(http.get("/v1/job/web")).path("Status").asText()).isEqualTo("running");

        eventually(LIMIT, "files written", () -> !cat(http, allocId, "t/local/names").isBlank());
        assertThat(cat(http, allocId, "alloc/port").trim()).isEqualTo(String.valueOf(port));
        assertThat(cat(http, allocId, "alloc/alloc").trim()).isEqualTo(allocId);
        assertThat(cat(http, allocId, "t/local/names").trim()).isEqualTo("web t g default hi-web");

        List<ProcessHandle> tree = processTree(nomad);
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);

        HttpResponse<String> deregistered = http.delete("/v1/job/web?purge=true");

        assertThat(deregistered.statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/job/web").statusCode()).isEqualTo(404);
        eventually(LIMIT, "task processes and their children gone", () -> tree.stream().noneMatch(
                ProcessHandle::isAlive));
        eventually(LIMIT, "allocation complete", () -> onlyAllocation(http, "web").path("ClientStatus").asText()
                .equals("complete"));
        assertThat(onlyAllocation(http, "web").path("DesiredStatus").asText()).isEqualTo("stop");
    }

    private static List<ProcessHandle> processTree(NomadSimulator nomad) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        eventually(LIMIT, "task process with a child", () -> nomad.taskProcessIds().stream()
                .flatMap(pid -> ProcessHandle.of(pid).stream()).anyMatch(handle -> handle.children().count() > 0));
        for (long pid : nomad.taskProcessIds()) {
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            tree.add(handle);
            handle.descendants().forEach(tree::add);
        }
        return tree;
    }

    /** A file of the allocation directory, read through Nomad's client fs API ("" until it exists). */
    private static String cat(NomadHttp http, String allocId, String path) {
        try {
            HttpResponse<String> response = http.get("/v1/client/fs/cat/" + allocId + "?path=" + path);
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void aCommandThatDoesNotExistFailsTheAllocationWithNomadsMessage() throws Exception {
        NomadHttp http = new NomadHttp(simulator(NomadSimulator.builder()).url());

        parseAndRegister(http, rawExecJob("broken", "no-such-command-knot"));

        eventually(LIMIT, "allocation failed", () -> onlyAllocation(http, "broken").path("ClientStatus").asText()
                .equals("failed"));
        JsonNode task = onlyAllocation(http, "broken").path("TaskStates").path("t");
        assertThat(task.path("State").asText()).isEqualTo("dead");
        assertThat(task.path("Failed").asBoolean()).isTrue();
        assertThat(task.path("Events").findValuesAsText("Type")).contains("Received", "Driver Failure");
        assertThat(task.path("Events").findValuesAsText("DriverError"))
                .anyMatch(message -> message.contains("exec: \"no-such-command-knot\": executable file not found"));
        assertThat(json(http.get("/v1/job/broken")).path("Status").asText()).isEqualTo("dead");
    }

    @Test
    void aDockerTaskStaysPendingWithAnEventAndTheJobCountsAsRunning() throws Exception {
        NomadHttp http = new NomadHttp(simulator(NomadSimulator.builder()).url());

        parseAndRegister(http, "job \"d\" {\n  group \"g\" {\n    task \"ide\" {\n      driver = \"docker\"\n"
                + "      config {\n        image = \"ubuntu\"\n      }\n    }\n  }\n}\n");

        eventually(LIMIT, "driver event", () -> onlyAllocation(http, "d").path("TaskStates").path("ide")
                .path("Events").findValuesAsText("Type").contains("Driver"));
        JsonNode allocation = onlyAllocation(http, "d");
        assertThat(allocation.path("ClientStatus").asText()).isEqualTo("pending");
        assertThat(allocation.path("TaskStates").path("ide").path("Events").findValuesAsText("Message"))
                .anyMatch(message -> message.contains("driver \"docker\" is not available"));
        // Nomad's job status counts a pending allocation as running (nomad-api.md §0.9).
        assertThat(json(http.get("/v1/job/d")).path("Status").asText()).isEqualTo("running");
    }

    @Test
    void aBlockingQueryWakesOnChangeAndOtherwiseAnswersTheSameIndexWhenTheWaitEnds() throws Exception {
        NomadHttp http = new NomadHttp(simulator(NomadSimulator.builder()).url());
        HttpResponse<String> before = http.get("/v1/jobs");
        long index = Long.parseLong(before.headers().firstValue("X-Nomad-Index").orElseThrow());

        HttpResponse<String> timedOut = http.get("/v1/jobs?index=" + index + "&wait=100ms");
        CompletableFuture<HttpResponse<String>> watching = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get("/v1/jobs?index=" + index + "&wait=60s");
            } catch (IOException | InterruptedException failure) {
                throw new IllegalStateException(failure);
            }
        });
        parseAndRegister(http, rawExecJob("watched", "true"));
        HttpResponse<String> woken = watching.get(LIMIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.headers().firstValue("X-Nomad-Index")).contains(String.valueOf(index));
        assertThat(Long.parseLong(woken.headers().firstValue("X-Nomad-Index").orElseThrow())).isGreaterThan(index);
        assertThat(json(woken).findValuesAsText("ID")).contains("watched");
        assertThat(http.get("/v1/jobs?index=1&wait=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void withATokenRequestsNeedIt() throws IOException, InterruptedException {
        NomadSimulator nomad = simulator(NomadSimulator.builder().aclToken("s3cret"));
        NomadHttp anonymous = new NomadHttp(nomad.url());

        HttpResponse<String> noToken = anonymous.get("/v1/jobs");
        HttpResponse<String> wrongToken = anonymous.withToken("other").get("/v1/jobs");
        HttpResponse<String> rightToken = anonymous.withToken("s3cret").get("/v1/jobs");

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).isEqualTo("Permission denied");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.body()).isEqualTo("ACL token not found");
        assertThat(rightToken.statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v1/status/leader").statusCode()).isEqualTo(200);
        assertThat(json(anonymous.withToken("s3cret").get("/v1/agent/self")).path("config").path("ACL")
                .path("Enabled").asBoolean()).isTrue();
    }

    @Test
    void aStatusFaultAnswersItsCountThenClears() throws IOException, InterruptedException {
        NomadSimulator nomad = simulator(NomadSimulator.builder());
        NomadHttp http = new NomadHttp(nomad.url());
        nomad.faults().respond(FaultScope.of("GET", "/v1/job/.*").times(1), 503, "Service Unavailable");
        nomad.faults().respond(FaultScope.of("*", "/v1/volumes"), 500, "rpc error");

        HttpResponse<String> faulted = http.get("/v1/job/x");
        HttpResponse<String> after = http.get("/v1/job/x");
        HttpResponse<String> global = http.get("/v1/volumes?type=csi");
        nomad.faults().clear();

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).isEqualTo("Service Unavailable");
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).isEqualTo("job not found");
        assertThat(after.headers().firstValue("X-Nomad-Index")).isPresent();
        assertThat(global.statusCode()).isEqualTo(500);
        assertThat(http.get("/v1/volumes?type=csi").statusCode()).isEqualTo(200);
    }

    @Test
    void aDelayHoldsTheAnswerPastTheClientsTimeout() {
        NomadSimulator nomad = simulator(NomadSimulator.builder());
        nomad.faults().delay(FaultScope.everything(), Duration.ofSeconds(3));
        NomadHttp impatient = new NomadHttp(nomad.url()).withTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.get("/v1/status/leader")).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aDroppedConnectionGivesNoResponse() {
        NomadSimulator nomad = simulator(NomadSimulator.builder());
        nomad.faults().dropConnection(FaultScope.of("POST", "/v1/jobs"));
        NomadHttp http = new NomadHttp(nomad.url());

        assertThatThrownBy(() -> http.post("/v1/jobs", "{}")).isInstanceOf(IOException.class);
    }

    @Test
    void withoutALeaderWritesAndConsistentReadsFailUntilItReturns() throws IOException, InterruptedException {
        NomadSimulator nomad = simulator(NomadSimulator.builder());
        NomadHttp http = new NomadHttp(nomad.url());
        nomad.faults().loseLeader();

        HttpResponse<String> leader = http.get("/v1/status/leader");
        HttpResponse<String> write = http.post("/v1/jobs/parse", body(Map.of("JobHCL", rawExecJob("a", "true"))));
        HttpResponse<String> stale = http.get("/v1/jobs?stale");
        nomad.faults().regainLeader();

        assertThat(leader.statusCode()).isEqualTo(500);
        assertThat(leader.body()).isEqualTo("No cluster leader");
        assertThat(write.statusCode()).isEqualTo(500);
        assertThat(write.body()).isEqualTo("No cluster leader");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/status/leader").body()).isEqualTo("\"127.0.0.1:4647\"");
    }

    @Test
    void stoppingTheSimulatorKillsEveryProcessItStarted() throws Exception {
        NomadSimulator nomad = NomadSimulator.builder().start();
        NomadHttp http = new NomadHttp(nomad.url());
        parseAndRegister(http, rawExecJob("one", "/bin/sh", "-c", "sleep 60 & sleep 60"));
        parseAndRegister(http, rawExecJob("two", "sleep", "60"));
        eventually(LIMIT, "both running", () -> nomad.taskProcessIds().size() == 2);
        List<ProcessHandle> tree = processTree(nomad);

        nomad.stop();

        eventually(LIMIT, "every task process and child gone", () -> tree.stream().noneMatch(ProcessHandle::isAlive));
        assertThatThrownBy(() -> http.get("/v1/jobs")).isInstanceOf(IOException.class);
    }

    @Test
    void csiVolumesAreCreatedListedAndDeletedAndAMissingOneIsNomadsQuirky500() throws Exception {
        NomadSimulator nomad = simulator(NomadSimulator.builder().namespace("dev"));
        NomadHttp http = new NomadHttp(nomad.url());
        String volume = "{\"Volumes\":[{\"ID\":\"home-1\",\"Name\":\"home-1\",\"Namespace\":\"dev\","
                + "\"PluginID\":\"hostpath\",\"Type\":\"csi\",\"RequestedCapacityMin\":1073741824,"
                + "\"RequestedCapabilities\":[{\"AccessMode\":\"single-node-writer\","
                + "\"AttachmentMode\":\"file-system\"}],\"Secrets\":{},\"Parameters\":{}}]}";

        HttpResponse<String> created = http.put("/v1/volume/csi/home-1/create", volume);
        HttpResponse<String> read = http.get("/v1/volume/csi/home-1?namespace=dev");
        HttpResponse<String> listed = http.get("/v1/volumes?type=csi&namespace=dev");
        HttpResponse<String> deleted = http.delete("/v1/volume/csi/home-1/delete?namespace=dev");
        HttpResponse<String> again = http.delete("/v1/volume/csi/home-1/delete?namespace=dev");
        HttpResponse<String> invalid = http.put("/v1/volume/csi/x/create", "{\"Volumes\":[{\"ID\":\"x\"}]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(created).path("Volumes").get(0).path("ID").asText()).isEqualTo("home-1");
        assertThat(json(read).path("PluginID").asText()).isEqualTo("hostpath");
        assertThat(json(listed).findValuesAsText("ID")).containsExactly("home-1");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).isEqualTo("volume not found: home-1");
        assertThat(http.get("/v1/volume/csi/home-1?namespace=dev").statusCode()).isEqualTo(404);
        assertThat(invalid.statusCode()).isEqualTo(500);
        assertThat(invalid.body()).startsWith("validation: missing plugin id");
    }

    @Test
    void namespacesAreListedAndAnUnknownOneRefusesARegister() throws Exception {
        NomadSimulator nomad = simulator(NomadSimulator.builder().namespace("dev"));
        NomadHttp http = new NomadHttp(nomad.url());

        HttpResponse<String> namespaces = http.get("/v1/namespaces");
        HttpResponse<String> parsed = http.post("/v1/jobs/parse", body(Map.of("JobHCL", rawExecJob("n", "true"))));
        ObjectNode request = NomadHttp.JSON.createObjectNode();
        request.set("Job", json(parsed));
        HttpResponse<String> refused = http.post("/v1/jobs?namespace=nowhere", body(request));

        assertThat(json(namespaces).findValuesAsText("Name")).containsExactly("default", "dev");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).isEqualTo("job \"n\" is in nonexistent namespace \"nowhere\"");
        assertThat(nomad.requests()).extracting(RecordedRequest::line).contains("POST /v1/jobs?namespace=nowhere");
    }
}
