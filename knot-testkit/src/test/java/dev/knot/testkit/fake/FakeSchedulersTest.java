package dev.knot.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import dev.knot.testkit.fake.SchedulerFaults.Timing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake schedulers keep the port Javadoc: idempotent removal, one job per id, faults as real ones report them. */
class FakeSchedulersTest {
    private static final String HCL = "job \"web\" {\n  namespace = \"team\"\n  group \"g\" {\n    task \"t\" {\n"
            + "      env {\n        A = \"$${literal}\"\n        B = \"${NOMAD_PORT_http}\"\n      }\n    }\n  }\n}\n";

    private final FakeJobScheduler jobs = new FakeJobScheduler();
    private final FakeVolumeScheduler volumes = new FakeVolumeScheduler();

    @Test
    void parsingReadsTheJobsIdAndNamespaceAndKeepsInterpolationsLiteral() {
        ParsedJob job = jobs.parse(HCL);

        assertThat(job.id()).isEqualTo("web");
        assertThat(job.namespace()).isEqualTo("team");
        assertThat(job.definition()).contains("\"A\":\"${literal}\"", "\"B\":\"${NOMAD_PORT_http}\"");
        assertThatThrownBy(() -> jobs.parse("job \"x\" {")).isInstanceOfSatisfying(KnotException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void submittingTwiceUnderOneIdKeepsOneJobAndRemovingIsIdempotent() {
        ParsedJob job = jobs.parse(HCL);
        jobs.submit(job, "knot-1", Map.of("KNOT_AGENT_KEY", "first"));
        jobs.submit(job, "knot-1", Map.of("KNOT_AGENT_KEY", "second"));

        assertThat(jobs.jobs()).hasSize(1);
        assertThat(jobs.job("team", "knot-1").orElseThrow().taskEnvironment()).as("the latest submission's")
                .containsExactly(Map.entry("KNOT_AGENT_KEY", "second"));
        assertThat(jobs.status("team", "knot-1").state()).isEqualTo(JobState.PENDING);
        jobs.runAll();
        assertThat(jobs.status("team", "knot-1").state()).isEqualTo(JobState.RUNNING);
        jobs.remove("team", "knot-1");
        jobs.remove("team", "knot-1");
        assertThat(jobs.status("team", "knot-1").state()).isEqualTo(JobState.NOT_FOUND);
    }

    @Test
    void aFaultAfterTheCallTakesEffectAndAnOutageLastsUntilRecovery() {
        ParsedJob job = jobs.parse(HCL);
        jobs.faults().failNext(Operation.SUBMIT, ErrorCode.SCHEDULER_UNAVAILABLE, Timing.AFTER);

        assertThatThrownBy(() -> jobs.submit(job, "knot-1", Map.of())).isInstanceOf(KnotException.class);
        assertThat(jobs.jobs()).hasSize(1);

        jobs.faults().outage(ErrorCode.PERMISSION_DENIED);
        assertThatThrownBy(() -> jobs.status("team", "knot-1")).isInstanceOfSatisfying(KnotException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
        jobs.faults().recover();
        assertThat(jobs.status("team", "knot-1").state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void aVolumeIsCreatedOnceAndDeletedIdempotently() {
        CsiVolumeSpec volume = new CsiVolumeSpec("data", "data", "default", "nfs", "csi", "", List.of(), 0, 0,
                List.of(), Map.of(), Map.of());
        volumes.createCsiVolume(volume);

        assertThatThrownBy(() -> volumes.createCsiVolume(volume)).isInstanceOfSatisfying(KnotException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        volumes.deleteCsiVolume("default", "data");
        volumes.deleteCsiVolume("default", "data");
        assertThat(volumes.volumes()).isEmpty();
    }
}
