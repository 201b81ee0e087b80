package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import dev.knot.testkit.nomad.FaultScope;
import dev.knot.testkit.nomad.NomadSimulator;
import dev.knot.testkit.nomad.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract against knot-testkit's Nomad simulator (ACLs on, a non-default namespace), plus the faults only a
 * simulator can produce on demand.
 */
class NomadSimulatorSchedulersIT extends NomadSchedulersContract {
    private static final String TOKEN = "simulator-management-token";
    private static final String NAMESPACE = "knot-it";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static NomadSimulator nomad;

    @BeforeAll
    static void startNomad() {
        nomad = NomadSimulator.builder().aclToken(TOKEN).namespace(NAMESPACE).start();
    }

    @AfterAll
    static void stopNomad() {
        nomad.close();
    }

    @AfterEach
    void clearFaults() {
        nomad.faults().clear();
    }

    @Override
    protected NomadConfig config() {
        return NomadConfig.of(URI.create(nomad.url()), TOKEN).withNamespace(NAMESPACE)
                .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT);
    }

    @Override
    protected boolean tasksRunHere() {
        return true;
    }

    @Override
    protected Optional<String> csiPluginId() {
        return Optional.of("simulated-hostpath");
    }

    private String address() {
        return config().address().toString();
    }

    @Test
    void removePurgesInTheJobsNamespace() {
        String jobId = jobId("purge");
        ParsedJob parsed = submit(template("/bin/sh", "knot-marker-" + jobId), jobId);

        jobs.remove(parsed.namespace(), jobId);

        assertThat(nomad.requests()).extracting(RecordedRequest::line)
                .anyMatch(line -> line.startsWith("DELETE /v1/job/" + jobId + "?")
                        && line.contains("purge=true") && line.contains("namespace=" + NAMESPACE));
    }

    @Test
    void aServerErrorIsSchedulerUnavailable() {
        nomad.faults().respond(FaultScope.of("POST", "/v1/jobs/parse"), 503, "Service Unavailable");

        assertThatThrownBy(() -> jobs.parse(template("/bin/sh", "x")))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + address() + ": 503 Service Unavailable");
    }

    @Test
    void aLostLeaderIsSchedulerUnavailable() {
        nomad.faults().loseLeader();

        assertThatThrownBy(() -> jobs.status(NAMESPACE, jobId("leaderless")))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + address() + ": 500 No cluster leader");
    }

    @Test
    void aWrongTokenIsPermissionDeniedAndNeverPrinted() {
        String wrongToken = "not-the-management-token";
        NomadConfig wrong = NomadConfig.of(URI.create(nomad.url()), wrongToken).withNamespace(NAMESPACE);
        NomadConnection connection = new NomadConnection(wrong);
        connection.start();
        try {
            NomadJobScheduler scheduler = new NomadJobScheduler(new NomadCalls(connection), wrong);

            assertThatThrownBy(() -> scheduler.parse(template("/bin/sh", "x")))
                    .isInstanceOfSatisfying(KnotException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                    .hasMessage("the Nomad token lacks permission for parsing jobs (namespace knot-it): ACL token"
                            + " not found")
                    .message().doesNotContain(wrongToken);
        } finally {
            connection.close();
        }
    }

    @Test
    void aForbiddenVolumeDeleteIsPermissionDenied() {
        nomad.faults().respond(FaultScope.of("DELETE", "/v1/volume/csi/.*"), 403, "Permission denied");

        assertThatThrownBy(() -> volumes.deleteCsiVolume(NAMESPACE, "home-x"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                .hasMessage("the Nomad token lacks permission for deleting CSI volumes (namespace knot-it):"
                        + " Permission denied");
    }

    @Test
    @Timeout(30)
    void aSlowNomadTimesOutAndTheCallReturns() {
        nomad.faults().delay(FaultScope.of("GET", "/v1/job/.*"), READ_TIMEOUT.multipliedBy(3));

        assertThatThrownBy(() -> jobs.status(NAMESPACE, jobId("slow")))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + address() + ": no answer within 2 s");
    }

    @Test
    void aDroppedRegisterIsReportedAndNotRepeated() {
        String jobId = jobId("dropped");
        ParsedJob parsed = jobs.parse(template("/bin/sh", "knot-marker-" + jobId));
        nomad.faults().dropConnection(FaultScope.of("POST", "/v1/jobs").times(1));
        long registersBefore = registers();

        assertThatThrownBy(() -> jobs.submit(parsed, jobId, Map.of()))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + address() + ": the connection closed without an answer");
        assertThat(registers() - registersBefore).as("one attempt, no silent retry").isEqualTo(1);
        assertThat(jobs.status(parsed.namespace(), jobId).state()).isEqualTo(JobState.NOT_FOUND);
    }

    @Test
    void aRetriedStartUpdatesTheSameJob() {
        String jobId = jobId("retried");
        String marker = "knot-marker-" + jobId;
        ParsedJob parsed = submit(template("/bin/sh", marker), jobId);

        jobs.submit(parsed, jobId, Map.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jobs.status(parsed.namespace(), jobId).state()).isEqualTo(JobState.RUNNING));
        assertThat(processesWith(marker)).as("an unchanged re-register keeps the one allocation").hasSize(1);
    }

    private static long registers() {
        return nomad.requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/v1/jobs")).count();
    }
}
