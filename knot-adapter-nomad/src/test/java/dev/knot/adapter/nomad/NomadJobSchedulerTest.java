package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The job calls against canned Nomad answers: what is sent, and how each answer is read. */
class NomadJobSchedulerTest {
    private static final String TOKEN = "s3cr3t-acl-token-0b1c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubNomad nomad = new StubNomad();
    private NomadConnection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        nomad.close();
    }

    private NomadJobScheduler scheduler(NomadConfig config) {
        connection = new NomadConnection(config);
        connection.start();
        return new NomadJobScheduler(new NomadCalls(connection), config);
    }

    private NomadJobScheduler scheduler() {
        return scheduler(NomadConfig.of(nomad.address(), TOKEN).withNamespace("dev"));
    }

    @Test
    void parseSendsTheHclToNomadAndKeepsItsAnswerAsTheDefinition() throws Exception {
        nomad.answer("POST /v1/jobs/parse", 200, Fixtures.read("parse-answer.json"));

        ParsedJob job = scheduler().parse("job \"ide-template\" {}");

        assertThat(job.id()).isEqualTo("ide-template");
        assertThat(job.namespace()).as("no namespace in the HCL: the configured one").isEqualTo("dev");
        assertThat(job.definition()).isEqualTo(Fixtures.read("parse-answer.json"));
        StubNomad.Request request = nomad.requests().get(0);
        assertThat(request.line()).isEqualTo("POST /v1/jobs/parse?namespace=dev");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("JobHCL").asText()).isEqualTo("job \"ide-template\" {}");
        assertThat(body.get("Canonicalize").asBoolean()).isFalse();
        assertThat(request.header("X-Nomad-Token")).containsExactly(TOKEN);
    }

    @Test
    void parseTakesTheNamespaceTheJobDeclares() {
        nomad.answer("POST /v1/jobs/parse", 200, "{\"ID\":\"x\",\"Namespace\":\"team-a\"}");

        assertThat(scheduler().parse("job \"x\" { namespace = \"team-a\" }").namespace()).isEqualTo("team-a");
    }

    @Test
    void badHclIsAnInvalidArgumentWithNomadsText() {
        nomad.answer("POST /v1/jobs/parse", 400, "Failed to parse job: input.hcl:3,1-2: Argument or block definition"
                + " required");

        assertThatThrownBy(() -> scheduler().parse("job {"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("Nomad rejected the job: Failed to parse job: input.hcl:3,1-2: Argument or block"
                        + " definition required");
    }

    @Test
    void submitRegistersTheParsedJobUnderTheGivenIdAndKeepsEverythingElse() throws Exception {
        nomad.answer("POST /v1/jobs", 200, "{\"EvalID\":\"e1\",\"EvalCreateIndex\":8,\"JobModifyIndex\":8,"
                + "\"Warnings\":\"\",\"Index\":8,\"LastContact\":0,\"KnownLeader\":false}");
        String definition = Fixtures.read("parse-answer.json");

        scheduler().submit(new ParsedJob("ide-template", "dev", definition), "space-1", Map.of());

        assertThat(nomad.lines()).containsExactly("POST /v1/jobs?namespace=dev");
        StubNomad.Request request = nomad.requests().get(0);
        JsonNode sent = JSON.readTree(request.body()).get("Job");
        assertThat(sent.get("ID").asText()).isEqualTo("space-1");
        assertThat(sent.get("Name").asText()).as("the template's name stays").isEqualTo("ide-template");
        JsonNode parsed = JSON.readTree(definition);
        ((ObjectNode) parsed).put("ID", "space-1");
        assertThat(sent).as("everything else as Nomad parsed it, unknown fields included").isEqualTo(parsed);
        assertThat(request.header("X-Nomad-Token")).containsExactly(TOKEN);
    }

    @Test
    void submitAddsTheTaskEnvironmentToEveryTaskOverTheJobsOwnVariables() throws Exception {
        nomad.answer("POST /v1/jobs", 200, "{\"EvalID\":\"e1\"}");
        String definition = """
                {"ID": "two-groups", "TaskGroups": [
                  {"Name": "code", "Tasks": [
                    {"Name": "ide", "Env": {"KNOT_SPACEID": "space-1", "KNOT_AGENT_KEY": "the template's"}},
                    {"Name": "sidecar", "Env": null}]},
                  {"Name": "db", "Tasks": [{"Name": "postgres"}]}]}
                """;

        scheduler().submit(new ParsedJob("two-groups", "dev", definition), "space-1",
                Map.of("KNOT_AGENT_KEY", "knot_ar_key", "KNOT_OTHER", "x"));

        JsonNode groups = JSON.readTree(nomad.requests().get(0).body()).get("Job").get("TaskGroups");
        assertThat(groups.get(0).get("Tasks").get(0).get("Env")).isEqualTo(JSON.readTree(
                "{\"KNOT_SPACEID\": \"space-1\", \"KNOT_AGENT_KEY\": \"knot_ar_key\", \"KNOT_OTHER\": \"x\"}"));
        JsonNode added = JSON.readTree("{\"KNOT_AGENT_KEY\": \"knot_ar_key\", \"KNOT_OTHER\": \"x\"}");
        assertThat(groups.get(0).get("Tasks").get(1).get("Env")).as("a task whose Env is null").isEqualTo(added);
        assertThat(groups.get(1).get("Tasks").get(0).get("Env")).as("a task without Env, in another group")
                .isEqualTo(added);
    }

    @Test
    void aJobNomadFindsInvalidIsAnInvalidArgumentAlthoughNomadSays500() {
        nomad.answer("POST /v1/jobs", 500, "1 error occurred:\n\t* Task group code validation failed: Task ide"
                + " validation failed: Missing task driver\n\n");

        assertThatThrownBy(() -> scheduler().submit(new ParsedJob("x", "dev", "{\"ID\":\"x\"}"), "space-1", Map.of()))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("Nomad rejected the job: 1 error occurred: * Task group code validation failed: Task ide"
                        + " validation failed: Missing task driver");
    }

    @Test
    void aServerErrorIsSchedulerUnavailableNamingTheAddress() {
        nomad.answer("POST /v1/jobs", 500, "No cluster leader");

        assertThatThrownBy(() -> scheduler().submit(new ParsedJob("x", "dev", "{\"ID\":\"x\"}"), "space-1", Map.of()))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address() + ": 500 No cluster leader");
    }

    @Test
    void forbiddenIsPermissionDeniedNamingTheOperationAndNamespaceButNeverTheToken() {
        // A proxy that echoes the token it refused must not put it into knot's message.
        nomad.answer("POST /v1/jobs", 403, "Permission denied for token " + TOKEN);

        assertThatThrownBy(() -> scheduler().submit(new ParsedJob("x", "dev", "{\"ID\":\"x\"}"), "space-1", Map.of()))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                .hasMessageStartingWith("the Nomad token lacks permission for submitting jobs (namespace dev)")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void aDroppedConnectionDuringSubmitIsNotRetried() {
        nomad.drop("POST /v1/jobs");

        assertThatThrownBy(() -> scheduler().submit(new ParsedJob("x", "dev", "{\"ID\":\"x\"}"), "space-1", Map.of()))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address()
                        + ": the connection closed without an answer");
        assertThat(nomad.lines()).as("one attempt: the SDK's client would have made four")
                .containsExactly("POST /v1/jobs?namespace=dev");
    }

    @Test
    void aDroppedConnectionDuringRemoveIsNotRetriedEither() {
        nomad.drop("DELETE /v1/job/space-1");

        assertThatThrownBy(() -> scheduler().remove("dev", "space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE));
        assertThat(nomad.requests()).hasSize(1);
    }

    @Test
    @Timeout(30)
    void aNomadThatNeverAnswersTimesOut() {
        nomad.hang("GET /v1/job/space-1");
        NomadJobScheduler scheduler = scheduler(NomadConfig.of(nomad.address(), TOKEN)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

        assertThatThrownBy(() -> scheduler.status("dev", "space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address() + ": no answer within 300 ms");
    }

    @Test
    void aNomadThatIsNotListeningIsUnavailable() {
        URI closed = nomad.address();
        nomad.close();
        NomadJobScheduler scheduler = scheduler(NomadConfig.of(closed, TOKEN));

        assertThatThrownBy(() -> scheduler.status("dev", "space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + closed + ": connection refused");
    }

    @Test
    void removeStopsAndPurgesTheJobInItsNamespace() {
        nomad.answer("DELETE /v1/job/space-1", 200, "{\"EvalID\":\"e2\",\"EvalCreateIndex\":9,"
                + "\"JobModifyIndex\":9}");

        scheduler().remove("team-a", "space-1");

        StubNomad.Request request = nomad.requests().get(0);
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.query()).contains("purge=true").contains("namespace=team-a");
        assertThat(request.header("X-Nomad-Token")).as("once, not once from the SDK and once from us")
                .containsExactly(TOKEN);
    }

    @Test
    void removingAJobThatIsGoneIsFine() {
        nomad.answer("DELETE /v1/job/space-1", 404, "job not found");

        scheduler().remove("dev", "space-1");

        assertThat(nomad.requests()).hasSize(1);
    }

    @Test
    void statusOfAnUnknownJobIsNotFound() {
        nomad.answer("GET /v1/job/space-1", 404, "job not found");

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(JobStatus.of(JobState.NOT_FOUND));
        assertThat(nomad.lines()).containsExactly("GET /v1/job/space-1?namespace=dev");
    }

    @Test
    void aJobNomadCallsRunningIsPendingWhileItsAllocationIsPending() {
        nomad.answer("GET /v1/job/space-1", 200, Fixtures.read("job.json"))
                .answer("GET /v1/job/space-1/allocations", 200, Fixtures.read("allocations-pending.json"));

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(JobStatus.of(JobState.PENDING));
    }

    @Test
    void aJobIsRunningWhenATaskRuns() {
        nomad.answer("GET /v1/job/space-1", 200, Fixtures.read("job.json"))
                .answer("GET /v1/job/space-1/allocations", 200, Fixtures.read("allocations-running.json"));

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(JobStatus.of(JobState.RUNNING));
        assertThat(nomad.requests()).allSatisfy(request -> {
            assertThat(request.query()).isEqualTo("namespace=dev");
            assertThat(request.header("X-Nomad-Token")).containsExactly(TOKEN);
        });
    }

    @Test
    void aFailedAllocationIsFailedWithTheTasksLastEvents() {
        nomad.answer("GET /v1/job/space-1", 200, Fixtures.read("job.json").replace("\"running\"", "\"pending\""))
                .answer("GET /v1/job/space-1/allocations", 200, Fixtures.read("allocations-failed.json"));

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(new JobStatus(JobState.FAILED,
                "task \"ide\": Driver Failure: failed to launch command with executor: exec: \"/bin/nonexistent\":"
                        + " stat /bin/nonexistent: no such file or directory; Not Restarting: Error was"
                        + " unrecoverable"));
    }

    @Test
    void aDeadJobIsDead() {
        nomad.answer("GET /v1/job/space-1", 200, Fixtures.read("job.json").replace("\"running\"", "\"dead\""))
                .answer("GET /v1/job/space-1/allocations", 200, "[]");

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(JobStatus.of(JobState.DEAD));
    }

    @Test
    void aStoppedJobIsDeadEvenWithAFailedAllocation() {
        nomad.answer("GET /v1/job/space-1", 200, Fixtures.read("job.json").replace("\"Stop\":false", "\"Stop\":true"))
                .answer("GET /v1/job/space-1/allocations", 200, Fixtures.read("allocations-failed.json"));

        assertThat(scheduler().status("dev", "space-1")).isEqualTo(JobStatus.of(JobState.DEAD));
    }

    @Test
    void anAnswerThatIsNotNomadsJsonIsSchedulerUnavailable() {
        nomad.answer("GET /v1/job/space-1", 200, "<html>proxy login</html>");

        assertThatThrownBy(() -> scheduler().status("dev", "space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address() + ": unreadable answer while reading jobs");
    }

    @Test
    void anUnexpectedStatusSaysTheAddressMayNotBeNomad() {
        nomad.answer("POST /v1/jobs/parse", 405, "Invalid method");

        assertThatThrownBy(() -> scheduler().parse("job \"x\" {}"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address() + ": unexpected answer 405 while parsing"
                        + " jobs: Invalid method (is " + nomad.address() + " Nomad's HTTP API?)");
    }
}
