package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Nomad adapter must do against a Nomad: the simulator in every build, a real Nomad when NOMAD_ADDR is
 * set. Jobs run a raw_exec shell whose arguments carry a marker, so the test can see the process come and go.
 */
abstract class NomadSchedulersContract {
    private static final Duration SCHEDULING_WAIT = Duration.ofSeconds(60);

    private final List<Submitted> submitted = new ArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private NomadConnection connection;
    protected NomadJobScheduler jobs;
    protected NomadVolumeScheduler volumes;

    /** How to reach the Nomad under test. */
    protected abstract NomadConfig config();

    /** Whether raw_exec tasks run on this machine, where the test can look for their processes. */
    protected abstract boolean tasksRunHere();

    /** A CSI plugin that can create and delete volumes, if the Nomad under test has one. */
    protected abstract Optional<String> csiPluginId();

    @BeforeEach
    void connect() {
        connection = new NomadConnection(config());
        connection.start();
        NomadCalls calls = new NomadCalls(connection);
        jobs = new NomadJobScheduler(calls, config());
        volumes = new NomadVolumeScheduler(calls);
    }

    @AfterEach
    void cleanUp() {
        if (connection == null) {
            return;
        }
        try {
            for (Submitted job : submitted) {
                jobs.remove(job.namespace(), job.id());
            }
        } finally {
            connection.close();
        }
    }

    protected String jobId(String purpose) {
        return "knot-it-" + purpose + "-" + runId;
    }

    /** A space template as knot renders it: one group, one raw_exec task, no restarts so a failure shows at once. */
    protected static String template(String command, String marker) {
        return template(command, "sleep 300; exit 0", marker);
    }

    /** The template with its own shell script; {@code marker} is the script's $0. */
    protected static String template(String command, String script, String marker) {
        return """
                job "knot-it-template" {
                  datacenters = ["*"]
                  type = "service"
                  group "code" {
                    restart {
                      attempts = 0
                      mode = "fail"
                    }
                    reschedule {
                      attempts = 0
                      unlimited = false
                    }
                    task "ide" {
                      driver = "raw_exec"
                      config {
                        command = "%s"
                        args = ["-c", "%s", "%s"]
                      }
                      env {
                        KNOT_SPACEID = "%s"
                      }
                      resources {
                        cpu = 50
                        memory = 32
                      }
                    }
                  }
                }
                """.formatted(command, script, marker, marker);
    }

    protected ParsedJob submit(String hcl, String jobId) {
        return submit(hcl, jobId, Map.of());
    }

    protected ParsedJob submit(String hcl, String jobId, Map<String, String> taskEnvironment) {
        ParsedJob parsed = jobs.parse(hcl);
        submitted.add(new Submitted(parsed.namespace(), jobId));
        jobs.submit(parsed, jobId, taskEnvironment);
        return parsed;
    }

    protected static List<ProcessHandle> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(marker))
                .toList();
    }

    @Test
    void aSpaceJobRunsAsARealProcessAndStopsWhenRemoved() {
        String jobId = jobId("run");
        String marker = "knot-marker-" + jobId;

        ParsedJob parsed = submit(template("/bin/sh", marker), jobId);

        assertThat(parsed.id()).isEqualTo("knot-it-template");
        assertThat(parsed.namespace()).isEqualTo(config().namespace());
        await().atMost(SCHEDULING_WAIT).untilAsserted(() ->
                assertThat(jobs.status(parsed.namespace(), jobId).state()).isEqualTo(JobState.RUNNING));
        if (tasksRunHere()) {
            assertThat(processesWith(marker)).as("the task's shell, found by its marker argument").isNotEmpty();
        }

        jobs.remove(parsed.namespace(), jobId);

        assertThat(jobs.status(parsed.namespace(), jobId)).as("purged at once")
                .isEqualTo(JobStatus.of(JobState.NOT_FOUND));
        if (tasksRunHere()) {
            await().atMost(SCHEDULING_WAIT).untilAsserted(() -> assertThat(processesWith(marker)).isEmpty());
        }
        jobs.remove(parsed.namespace(), jobId);
    }

    @Test
    void theTaskEnvironmentOfTheSubmissionReachesTheTasksProcess() {
        assumeTrue(tasksRunHere(), "the task's processes are not on this machine");
        String jobId = jobId("environment");
        String key = "knot_ar_contract-" + jobId;
        // The inner shell's $0 is the variable's value, so the process list shows what the task received.
        String script = "/bin/sh -c 'sleep 300; exit 0' \\\"seen-$KNOT_AGENT_KEY\\\"; exit 0";

        ParsedJob parsed = submit(template("/bin/sh", script, "knot-marker-" + jobId), jobId,
                Map.of("KNOT_AGENT_KEY", key));

        await().atMost(SCHEDULING_WAIT).untilAsserted(() ->
                assertThat(processesWith("seen-" + key)).as("a process started with the variable's value")
                        .isNotEmpty());
        jobs.remove(parsed.namespace(), jobId);
    }

    @Test
    void aTaskThatCannotStartMakesTheJobFailedWithNomadsReason() {
        String jobId = jobId("fail");

        ParsedJob parsed = submit(template("/nonexistent/knot-it-shell", "unused"), jobId);

        await().atMost(SCHEDULING_WAIT).untilAsserted(() ->
                assertThat(jobs.status(parsed.namespace(), jobId).state()).isEqualTo(JobState.FAILED));
        assertThat(jobs.status(parsed.namespace(), jobId).message()).startsWith("task \"ide\": ")
                .contains("knot-it-shell");
    }

    @Test
    void unknownJobsAreNotFoundAndRemovingThemIsFine() {
        String jobId = jobId("never-submitted");

        assertThat(jobs.status(config().namespace(), jobId)).isEqualTo(JobStatus.of(JobState.NOT_FOUND));
        jobs.remove(config().namespace(), jobId);
    }

    @Test
    void brokenHclIsAnInvalidArgumentWithNomadsText() {
        assertThatThrownBy(() -> jobs.parse("job \"broken\" {\n  group \"g\" {\n"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("Nomad rejected the job: ");
    }

    @Test
    void csiVolumesAreCreatedOnceAndDeletedIdempotently() {
        Optional<String> plugin = csiPluginId();
        assumeTrue(plugin.isPresent(), "no CSI plugin to test with: set NOMAD_IT_CSI_PLUGIN to one whose"
                + " controller can create and delete volumes");
        String volumeId = jobId("volume");
        CsiVolumeSpec volume = new CsiVolumeSpec(volumeId, volumeId, config().namespace(), plugin.get(), "csi",
                "ext4", List.of(), 1L << 20, 1L << 20,
                List.of(new CsiVolumeSpec.Capability("single-node-writer", "file-system")), Map.of(), Map.of());
        try {
            volumes.createCsiVolume(volume);

            assertThatThrownBy(() -> volumes.createCsiVolume(volume))
                    .isInstanceOfSatisfying(KnotException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        } finally {
            volumes.deleteCsiVolume(config().namespace(), volumeId);
        }
        volumes.deleteCsiVolume(config().namespace(), volumeId);
    }

    private record Submitted(String namespace, String id) {}
}
