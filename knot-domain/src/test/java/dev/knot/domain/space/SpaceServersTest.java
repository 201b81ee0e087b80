package dev.knot.domain.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers sharing the stores and the scheduler. Each has its own in-process locks, so nothing but the store's
 * compare-and-set keeps them from acting on the same state of a space. Most cases hold one server at a chosen point
 * (before a write, before a submission) while the other acts, then let it go on: it must notice, stop, and leave
 * the space as the other made it, agreeing with the scheduler.
 */
class SpaceServersTest {
    private static final int ROUNDS = 30;
    private static final long LIMIT_SECONDS = 30;

    private final SpaceFixture fixture = new SpaceFixture();
    private final SpaceService other = fixture.service;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoServersThatBothSawTheSpaceStoppedStartItOnce() {
        Space space = fixture.create(fixture.alice, "dev");
        Pause beforeStarting = new Pause(1);
        SpaceService held = serverPausingBeforeWrite(beforeStarting);
        Future<Space> heldStart = threads.submit(() -> held.startSpace(fixture.alice, space.id()));
        beforeStarting.awaitReached();

        Space started = other.startSpace(fixture.alice, space.id());
        beforeStarting.release();

        assertOvertaken(heldStart);
        assertThat(fixture.jobs.submissions()).hasSize(1);
        assertThat(fixture.stored(space.id())).isEqualTo(started);
    }

    @Test
    void aStopOnOneServerIsNotUndoneByTheOthersRunningRecordReadBeforeIt() throws Exception {
        Space space = fixture.create(fixture.alice, "dev");
        other.startSpace(fixture.alice, space.id());
        fixture.jobs.runAll();
        Pause beforeRecordingRunning = new Pause(1);
        SpaceService held = serverPausingBeforeWrite(beforeRecordingRunning);
        Future<?> heldReconcile = threads.submit(held::reconcile);
        beforeRecordingRunning.awaitReached();

        Space stopping = other.stopSpace(fixture.alice, space.id());
        beforeRecordingRunning.release();
        heldReconcile.get(LIMIT_SECONDS, TimeUnit.SECONDS);

        assertThat(fixture.stored(space.id())).isEqualTo(stopping);
        assertThat(fixture.jobs.jobs()).isEmpty();
        held.reconcile();
        other.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
    }

    @Test
    void aStartOnOneServerDoesNotBringBackASpaceTheOtherDeleted() {
        Space space = fixture.create(fixture.alice, "dev");
        Pause beforeStarting = new Pause(1);
        SpaceService held = serverPausingBeforeWrite(beforeStarting);
        Future<Space> heldStart = threads.submit(() -> held.startSpace(fixture.alice, space.id()));
        beforeStarting.awaitReached();

        other.deleteSpace(fixture.alice, space.id());
        beforeStarting.release();

        assertOvertaken(heldStart);
        assertThat(fixture.domain.spaces.findById(space.id())).isEmpty();
        assertThat(fixture.jobs.submissions()).isEmpty();
        assertThat(fixture.volumes.volumes()).isEmpty();
    }

    @Test
    void aJobThatArrivesAfterTheOtherServerStoppedTheSpaceIsTakenAway() {
        Space space = fixture.create(fixture.alice, "dev");
        Pause beforeSubmitting = new Pause(1);
        SpaceService held = fixture.newService(fixture.domain.spaces,
                new PausingJobScheduler(fixture.jobs, beforeSubmitting));
        Future<Space> heldStart = threads.submit(() -> held.startSpace(fixture.alice, space.id()));
        beforeSubmitting.awaitReached();

        other.stopSpace(fixture.alice, space.id());
        other.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
        beforeSubmitting.release();

        assertOvertaken(heldStart);
        assertThat(fixture.jobs.submissions()).hasSize(1);
        assertThat(fixture.jobs.jobs()).isEmpty();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
    }

    @Test
    void aVolumeCreatedForASpaceTheOtherServerStoppedMeanwhileIsRecordedOnIt() {
        Space space = fixture.create(fixture.alice, "dev");
        Pause beforeRecordingTheVolume = new Pause(2);
        SpaceService held = serverPausingBeforeWrite(beforeRecordingTheVolume);
        Future<Space> heldStart = threads.submit(() -> held.startSpace(fixture.alice, space.id()));
        beforeRecordingTheVolume.awaitReached();
        assertThat(fixture.volumes.volumes()).hasSize(1);

        other.stopSpace(fixture.alice, space.id());
        other.reconcile();
        beforeRecordingTheVolume.release();

        assertOvertaken(heldStart);
        Space stopped = fixture.stored(space.id());
        assertThat(stopped.state()).isEqualTo(SpaceState.STOPPED);
        assertThat(stopped.volumeData()).containsKey(space.id() + "-home");
        other.deleteSpace(fixture.alice, space.id());
        assertThat(fixture.volumes.volumes()).isEmpty();
    }

    @Test
    void aVolumeCreatedForASpaceTheOtherServerDeletedMeanwhileIsDeletedToo() {
        Space space = fixture.create(fixture.alice, "dev");
        Pause beforeRecordingTheVolume = new Pause(2);
        SpaceService held = serverPausingBeforeWrite(beforeRecordingTheVolume);
        Future<Space> heldStart = threads.submit(() -> held.startSpace(fixture.alice, space.id()));
        beforeRecordingTheVolume.awaitReached();

        other.stopSpace(fixture.alice, space.id());
        other.reconcile();
        other.deleteSpace(fixture.alice, space.id());
        beforeRecordingTheVolume.release();

        assertOvertaken(heldStart);
        assertThat(fixture.domain.spaces.findById(space.id())).isEmpty();
        assertThat(fixture.volumes.volumes()).isEmpty();
    }

    /** No holding here: the two servers are let loose on the space together, round after round. */
    @Test
    void serversRacingToStartAndStopOneSpaceTakeTurns() {
        Space space = fixture.create(fixture.alice, "dev");
        SpaceService second = fixture.newService();
        for (int round = 0; round < ROUNDS; round++) {
            int submitted = fixture.jobs.submissions().size();

            List<Optional<ErrorCode>> starts = race(
                    () -> other.startSpace(fixture.alice, space.id()),
                    () -> second.startSpace(fixture.alice, space.id()));

            assertThat(starts).containsExactlyInAnyOrder(Optional.empty(), Optional.of(ErrorCode.LOCKED));
            assertThat(fixture.jobs.submissions()).hasSize(submitted + 1);
            fixture.jobs.runAll();

            List<Optional<ErrorCode>> stops = race(
                    () -> other.stopSpace(fixture.alice, space.id()),
                    () -> second.stopSpace(fixture.alice, space.id()));

            assertThat(stops).containsExactlyInAnyOrder(Optional.empty(), Optional.of(ErrorCode.LOCKED));
            assertThat(fixture.jobs.jobs()).isEmpty();
            second.reconcile();
            assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
        }
    }

    private SpaceService serverPausingBeforeWrite(Pause pause) {
        return fixture.newService(new PausingSpaceRepository(fixture.domain.spaces, pause), fixture.jobs);
    }

    /** Runs both calls at once, each on its own thread; the error each ended with, if any. */
    private List<Optional<ErrorCode>> race(Callable<?> first, Callable<?> second) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<ErrorCode>>> outcomes = Stream.of(first, second)
                .map(call -> threads.submit(() -> {
                    go.await();
                    try {
                        call.call();
                        return Optional.<ErrorCode>empty();
                    } catch (KnotException failure) {
                        return Optional.of(failure.code());
                    }
                }))
                .toList();
        go.countDown();
        return outcomes.stream().map(SpaceServersTest::outcome).toList();
    }

    private static <T> T outcome(Future<T> call) {
        try {
            return call.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new AssertionError("the call did not finish normally", failure);
        }
    }

    private static void assertOvertaken(Future<?> call) {
        assertThatThrownBy(() -> call.get(LIMIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.LOCKED))
                .hasMessage("the space is being changed by another request; try again");
    }
}
