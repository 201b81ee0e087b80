package dev.knot.domain.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that stopped half-way through a start or stop: a new service over the same stores finishes the work. */
class SpaceRecoveryTest {
    private final SpaceFixture fixture = new SpaceFixture();

    @Test
    void aStartInterruptedBeforeItsVolumesAndJobIsFinishedByTheNextServer() {
        Space space = interruptedStart();

        fixture.service = fixture.newService();
        fixture.service.reconcile();
        assertThat(fixture.jobs.submissions())
                .as("a start this recent may still be under way on another server")
                .isEmpty();
        fixture.domain.clock.advance(SpaceService.TAKE_OVER_AFTER);
        fixture.service.reconcile();

        assertThat(fixture.jobs.submissions()).containsExactly("default/knot-" + space.id());
        assertThat(fixture.volumes.volumes()).hasSize(1);
        assertThat(fixture.stored(space.id()).volumeData()).containsKey(space.id() + "-home");
        fixture.jobs.runAll();
        fixture.service.reconcile();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.RUNNING);
    }

    @Test
    void aVolumeCreatedJustBeforeTheCrashIsAdoptedNotDuplicated() {
        Space space = interruptedStart();
        CsiVolumeSpec leftOver = new CsiVolumeSpec(space.id() + "-home", "dev-home", "default", "hostpath", "csi",
                "", List.of(), 0, 0, List.of(), Map.of(), Map.of());
        fixture.volumes.createCsiVolume(leftOver);

        fixture.service = fixture.newService();
        fixture.domain.clock.advance(SpaceService.TAKE_OVER_AFTER);
        fixture.service.reconcile();

        assertThat(fixture.volumes.volumes()).hasSize(1);
        assertThat(fixture.stored(space.id()).volumeData()).containsKey(space.id() + "-home");
        assertThat(fixture.jobs.jobs()).hasSize(1);
    }

    @Test
    void aJobSubmittedJustBeforeTheCrashIsFollowedNotSubmittedAgain() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.jobs.runAll();

        fixture.service = fixture.newService();
        fixture.service.reconcile();

        assertThat(fixture.jobs.submissions()).hasSize(1);
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.RUNNING);
    }

    @Test
    void aStopInterruptedBeforeTheJobWasRemovedIsFinishedByTheNextServer() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.domain.spaces.update(SpaceFixtures.copyOf(fixture.stored(space.id()))
                .withState(SpaceState.STOPPING).build());

        fixture.service = fixture.newService();
        fixture.service.reconcile();

        assertThat(fixture.jobs.jobs()).isEmpty();
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.STOPPED);
    }

    /** A space saved as STARTING by a server that then died: no volume, no job. */
    private Space interruptedStart() {
        Space created = fixture.create(fixture.alice, "dev");
        Space starting = SpaceFixtures.copyOf(created)
                .withState(SpaceState.STARTING)
                .withLocation(SpaceFixture.LOCATION)
                .withNomadJobId("knot-" + created.id())
                .build();
        fixture.domain.spaces.update(starting);
        return starting;
    }
}
