package dev.knot.domain.volume;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.domain.DomainFixture;
import dev.knot.ports.in.VolumeCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import dev.knot.testkit.fake.FakeVolumeScheduler;
import dev.knot.testkit.fake.InMemoryVolumeRepository;
import org.junit.jupiter.api.Test;

class VolumeServiceTest {
    private static final String DEFINITION = "volumes:\n  - id: shared\n    plugin_id: nfs\n";

    private final DomainFixture domain = new DomainFixture();
    private final InMemoryVolumeRepository volumes = new InMemoryVolumeRepository();
    private final FakeVolumeScheduler scheduler = new FakeVolumeScheduler();
    private final VolumeService here = new VolumeService(volumes, scheduler, "core", domain.ids, domain.clock);
    private final VolumeService elsewhere = new VolumeService(volumes, scheduler, "edge", domain.ids, domain.clock);
    private final User admin = domain.admin();
    private final User keeper = domain.userWith(admin, "keeper", Role.VOLUME_MANAGER);

    @Test
    void aVolumeIsStartedWhereItRunsAndOnlyStoppedThere() {
        Volume volume = here.createVolume(keeper, new VolumeCommand("shared", DEFINITION));

        Volume started = here.startVolume(keeper, volume.id());
        assertThat(started.active()).isTrue();
        assertThat(started.location()).isEqualTo("core");
        assertThat(scheduler.volume("default", "shared")).isPresent();
        assertCode(() -> here.startVolume(keeper, volume.id()), ErrorCode.LOCKED);
        assertCode(() -> elsewhere.startVolume(keeper, volume.id()), ErrorCode.LOCKED);
        assertCode(() -> elsewhere.stopVolume(keeper, volume.id()), ErrorCode.LOCKED);
        assertCode(() -> here.deleteVolume(keeper, volume.id()), ErrorCode.INVALID_ARGUMENT);

        Volume stopped = here.stopVolume(keeper, volume.id());
        assertThat(stopped.active()).isFalse();
        assertThat(stopped.location()).isEmpty();
        assertThat(scheduler.volumes()).isEmpty();
        here.deleteVolume(keeper, volume.id());
        assertThat(volumes.findAll()).isEmpty();
    }

    @Test
    void onlyDefinitionsWithExactlyOneVolumeStart() {
        Volume two = here.createVolume(keeper, new VolumeCommand("two",
                "volumes:\n  - id: a\n  - id: b\n"));

        assertCode(() -> here.startVolume(keeper, two.id()), ErrorCode.INVALID_ARGUMENT);
        assertThat(scheduler.volumes()).isEmpty();
        assertCode(() -> here.createVolume(keeper, new VolumeCommand("bad", "volumes: [")),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aSchedulerFailureLeavesTheVolumeInactive() {
        Volume volume = here.createVolume(keeper, new VolumeCommand("shared", DEFINITION));
        scheduler.faults().outage(ErrorCode.SCHEDULER_UNAVAILABLE);

        assertCode(() -> here.startVolume(keeper, volume.id()), ErrorCode.SCHEDULER_UNAVAILABLE);

        assertThat(volumes.findById(volume.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void everythingNeedsManageVolumes() {
        User plain = domain.userWith(admin, "plain");
        Volume volume = here.createVolume(keeper, new VolumeCommand("shared", DEFINITION));

        assertCode(() -> here.listVolumes(plain), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> here.getVolume(plain, volume.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> here.createVolume(plain, new VolumeCommand("x", DEFINITION)), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> here.startVolume(plain, volume.id()), ErrorCode.PERMISSION_DENIED);
        assertThat(here.listVolumes(admin)).hasSize(1);
    }
}
