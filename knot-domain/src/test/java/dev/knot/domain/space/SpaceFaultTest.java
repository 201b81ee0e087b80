package dev.knot.domain.space;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Security test 37: scheduler failures reach the caller and leave the space in a state that says so. */
class SpaceFaultTest {
    private final SpaceFixture fixture = new SpaceFixture();

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"SCHEDULER_UNAVAILABLE", "PERMISSION_DENIED", "INVALID_ARGUMENT"})
    void aFailedSubmissionLeavesTheSpaceFailedWithTheMessageAndNoJob(ErrorCode code) {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.jobs.faults().failNext(Operation.SUBMIT, code);

        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), code);

        Space failed = fixture.stored(space.id());
        assertThat(failed.state()).isEqualTo(SpaceState.FAILED);
        assertThat(failed.stateMessage()).contains("injected fault in SUBMIT");
        assertThat(fixture.jobs.jobs()).isEmpty();
        fixture.service.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.FAILED);
    }

    @Test
    void aSchedulerOutageWhileCreatingVolumesSubmitsNoJobAndTheNextStartFinishes() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.volumes.faults().outage(ErrorCode.SCHEDULER_UNAVAILABLE);

        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), ErrorCode.SCHEDULER_UNAVAILABLE);
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.FAILED);
        assertThat(fixture.jobs.jobs()).isEmpty();

        fixture.volumes.faults().recover();
        fixture.service.startSpace(fixture.alice, space.id());
        assertThat(fixture.jobs.jobs()).hasSize(1);
        assertThat(fixture.volumes.volumes()).hasSize(1);
    }

    @Test
    void statusPollsThatFailLeaveTheSpaceAsItWasUntilTheSchedulerAnswers() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.jobs.runAll();
        fixture.jobs.faults().outage(ErrorCode.SCHEDULER_UNAVAILABLE);

        fixture.service.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STARTING);

        fixture.jobs.faults().recover();
        fixture.service.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.RUNNING);
    }

    @Test
    void aStopTheSchedulerRefusedStaysStoppingAndTheReconcilerRemovesTheJobLater() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.jobs.faults().failNext(Operation.REMOVE, ErrorCode.SCHEDULER_UNAVAILABLE);

        assertCode(() -> fixture.service.stopSpace(fixture.alice, space.id()), ErrorCode.SCHEDULER_UNAVAILABLE);
        Space stopping = fixture.stored(space.id());
        assertThat(stopping.state()).isEqualTo(SpaceState.STOPPING);
        assertThat(stopping.stateMessage()).contains("unavailable");
        assertThat(fixture.jobs.jobs()).hasSize(1);

        fixture.service.reconcile();
        assertThat(fixture.jobs.jobs()).isEmpty();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
    }

    @Test
    void aDeleteTheSchedulerRefusedStaysDeletingAndTheReconcilerFinishesIt() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.service.stopSpace(fixture.alice, space.id());
        fixture.service.reconcile();
        fixture.volumes.faults().failNext(Operation.DELETE_VOLUME, ErrorCode.PERMISSION_DENIED);

        assertCode(() -> fixture.service.deleteSpace(fixture.alice, space.id()), ErrorCode.PERMISSION_DENIED);
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.DELETING);
        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), ErrorCode.LOCKED);

        fixture.service.reconcile();
        assertThat(fixture.stored(space.id()).state())
                .as("left to whoever deletes it until it has been quiet for a while")
                .isEqualTo(SpaceState.DELETING);
        fixture.domain.clock.advance(SpaceService.TAKE_OVER_AFTER);
        fixture.service.reconcile();
        assertThat(fixture.domain.spaces.findById(space.id())).isEmpty();
        assertThat(fixture.volumes.volumes()).isEmpty();
    }

    @Test
    void aJobTheSchedulerRejectsAtParseLeavesTheSpaceFailed() {
        Space space = fixture.service.createSpace(fixture.alice,
                SpaceFixture.command("dev", fixture.templateWith("job \"x\" { group \"g\" {", "").id()));

        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), ErrorCode.INVALID_ARGUMENT);

        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.FAILED);
        assertThat(fixture.jobs.submissions()).isEmpty();
    }
}
