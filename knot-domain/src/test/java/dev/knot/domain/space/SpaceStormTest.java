package dev.knot.domain.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Security test 33: fifty interleaved start, stop and delete calls on one space, from four threads, while the
 * scheduler places jobs and the reconciler runs. Every call ends with a definite outcome, and once things settle the
 * space agrees with the scheduler: no orphan job or volume, no running space without a job. The same again with the
 * threads spread over two servers sharing the stores, whose in-process locks know nothing of each other.
 */
class SpaceStormTest {
    private static final int CALLS = 50;
    private static final int THREADS = 4;

    private final SpaceFixture fixture = new SpaceFixture();

    @RepeatedTest(5)
    void aStormOfCallsOnOneSpaceConvergesToTheSchedulersState() throws Exception {
        storm(List.of(fixture.service));
    }

    @RepeatedTest(5)
    void aStormSpreadOverTwoServersConvergesToTheSchedulersState() throws Exception {
        storm(List.of(fixture.service, fixture.newService()));
    }

    private void storm(List<SpaceService> servers) throws Exception {
        Space space = fixture.create(fixture.alice, "dev");
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Random random = new Random(thread * 31L + System.nanoTime());
                SpaceService server = servers.get(thread % servers.size());
                calls.add(threads.submit(() -> {
                    start.await();
                    for (int call = 0; call < CALLS / THREADS + 1; call++) {
                        act(server, space, random.nextInt(5));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        settle(servers);
        assertAgreesWithScheduler(space);
    }

    private void act(SpaceService server, Space space, int action) {
        try {
            switch (action) {
                case 0 -> server.startSpace(fixture.alice, space.id());
                case 1 -> server.stopSpace(fixture.alice, space.id());
                case 2 -> server.deleteSpace(fixture.alice, space.id());
                case 3 -> fixture.jobs.runAll();
                default -> server.reconcile();
            }
        } catch (KnotException definite) {
            // LOCKED or NOT_FOUND: a definite answer, which is all a storm may ask.
        }
    }

    /** Time passes, so the reconciler also takes over what a call overtaken by another left half done. */
    private void settle(List<SpaceService> servers) {
        for (int round = 0; round < 5; round++) {
            fixture.jobs.runAll();
            fixture.domain.clock.advance(SpaceService.TAKE_OVER_AFTER);
            servers.forEach(SpaceService::reconcile);
        }
    }

    private void assertAgreesWithScheduler(Space original) {
        Optional<Space> found = fixture.domain.spaces.findById(original.id());
        if (found.isEmpty()) {
            assertThat(fixture.jobs.jobs()).isEmpty();
            assertThat(fixture.volumes.volumes()).isEmpty();
            return;
        }
        Space space = found.get();
        assertThat(space.state()).isIn(SpaceState.STOPPED, SpaceState.RUNNING);
        boolean hasJob = fixture.jobs.job(space.nomadNamespace(), space.nomadJobId()).isPresent();
        assertThat(hasJob).isEqualTo(space.state() == SpaceState.RUNNING);
        assertThat(fixture.jobs.jobs()).hasSize(hasJob ? 1 : 0);
        for (CsiVolumeSpec volume : fixture.volumes.volumes()) {
            assertThat(space.volumeData().values()).contains(new CsiVolumeRef(volume.id(), volume.namespace()));
        }
    }
}
