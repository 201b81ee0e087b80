package dev.knot.domain.space;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.SpaceServiceState;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.JobStatus.JobState;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.User;
import dev.knot.testkit.fake.FakeJobScheduler;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import dev.knot.testkit.fake.SchedulerFaults.Timing;
import dev.knot.testkit.fixture.AgentStateFixtures;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpaceLifecycleTest {
    private final SpaceFixture fixture = new SpaceFixture();

    @Test
    void aSpaceGoesFromStoppedThroughRunningBackToStoppedAndIsDeletedWithItsVolumes() {
        Space created = fixture.create(fixture.alice, "dev");
        assertThat(created.state()).isEqualTo(SpaceState.STOPPED);

        Space starting = fixture.service.startSpace(fixture.alice, created.id());

        assertThat(starting.state()).isEqualTo(SpaceState.STARTING);
        assertThat(starting.nomadJobId()).isEqualTo("knot-" + created.id());
        assertThat(starting.location()).isEqualTo(SpaceFixture.LOCATION);
        assertThat(starting.templateHash()).isEqualTo(fixture.template.hash());
        String volumeId = created.id() + "-home";
        assertThat(starting.volumeData()).containsExactly(Map.entry(volumeId, new CsiVolumeRef(volumeId, "default")));
        CsiVolumeSpec volume = fixture.volumes.volume("default", volumeId).orElseThrow();
        assertThat(volume.name()).isEqualTo("dev-home");
        assertThat(volume.capacityMin()).isEqualTo(2L << 30);
        FakeJobScheduler.Job job = fixture.jobs.job("default", starting.nomadJobId()).orElseThrow();
        assertThat(job.definition()).contains("dev-dev", created.id().value(), "https://knot.example.com", "hello");

        fixture.service.reconcile();
        assertThat(fixture.stored(created.id()).state()).isEqualTo(SpaceState.STARTING);
        fixture.jobs.runAll();
        fixture.service.reconcile();
        assertThat(fixture.stored(created.id()).state()).isEqualTo(SpaceState.RUNNING);

        fixture.agents.save(AgentStateFixtures.anAgentState().withSpace(created.id()).build());
        Space stopping = fixture.service.stopSpace(fixture.alice, created.id());
        assertThat(stopping.state()).isEqualTo(SpaceState.STOPPING);
        assertThat(fixture.jobs.jobs()).isEmpty();
        assertThat(fixture.agents.find(created.id())).isEmpty();
        fixture.service.reconcile();
        assertThat(fixture.stored(created.id()).state()).isEqualTo(SpaceState.STOPPED);

        fixture.service.deleteSpace(fixture.alice, created.id());
        assertThat(fixture.domain.spaces.findById(created.id())).isEmpty();
        assertThat(fixture.volumes.volumes()).isEmpty();
    }

    @Test
    void theServicePasswordOfTheOwnerReachesTheJobDecrypted() {
        Space space = fixture.create(fixture.alice, "dev");
        String password = fixture.domain.userService.revealServicePassword(fixture.alice, fixture.alice.id());

        fixture.service.startSpace(fixture.admin, space.id());

        assertThat(fixture.jobs.jobs().get(0).definition()).contains(password);
    }

    @Test
    void everyTaskOfTheJobGetsTheSpacesAgentRegistrationKeyWhateverTheTemplateSays() {
        Space space = fixture.create(fixture.alice, "dev");
        Space other = fixture.create(fixture.alice, "other");

        fixture.service.startSpace(fixture.alice, space.id());
        fixture.service.startSpace(fixture.alice, other.id());

        FakeJobScheduler.Job job = fixture.jobs.job("default", "knot-" + space.id()).orElseThrow();
        assertThat(job.taskEnvironment()).containsExactly(
                Map.entry(SpaceService.AGENT_KEY_VARIABLE, fixture.agentKeys.keyFor(space.id())));
        assertThat(job.definition()).as("the template is not changed").doesNotContain("KNOT_AGENT_KEY");
        assertThat(fixture.jobs.job("default", "knot-" + other.id()).orElseThrow().taskEnvironment())
                .containsExactly(Map.entry(SpaceService.AGENT_KEY_VARIABLE, fixture.agentKeys.keyFor(other.id())))
                .doesNotContainValue(fixture.agentKeys.keyFor(space.id()));
    }

    @Test
    void theOwnerAndSpaceManagersReadTheKeyTheJobGetsAndNobodyElse() {
        Space space = fixture.create(fixture.alice, "dev");
        User bob = fixture.domain.userWith(fixture.admin, "bob");
        User manager = fixture.domain.userWith(fixture.admin, "carol", Role.SPACE_MANAGER);
        fixture.service.startSpace(fixture.alice, space.id());
        String submitted = fixture.jobs.job("default", "knot-" + space.id()).orElseThrow().taskEnvironment()
                .get(SpaceService.AGENT_KEY_VARIABLE);

        assertThat(fixture.service.agentRegistrationKey(fixture.alice, space.id())).isEqualTo(submitted);
        assertThat(fixture.service.agentRegistrationKey(manager, space.id())).isEqualTo(submitted);
        assertCode(() -> fixture.service.agentRegistrationKey(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.agentRegistrationKey(fixture.alice,
                Id.of("01900000-0000-7000-8000-000000000001")), ErrorCode.NOT_FOUND);
    }

    @Test
    void aRetriedStartMakesNoSecondJob() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.service.startSpace(fixture.alice, space.id());

        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), ErrorCode.LOCKED);

        assertThat(fixture.jobs.submissions()).hasSize(1);
        assertThat(fixture.jobs.jobs()).hasSize(1);
    }

    @Test
    void aStartThatTimedOutAfterTheSchedulerTookTheJobIsRetriedIntoTheSameJob() {
        Space space = fixture.create(fixture.alice, "dev");
        fixture.jobs.faults().failNext(Operation.SUBMIT,
                ErrorCode.SCHEDULER_UNAVAILABLE, Timing.AFTER);

        assertCode(() -> fixture.service.startSpace(fixture.alice, space.id()), ErrorCode.SCHEDULER_UNAVAILABLE);
        assertThat(fixture.stored(space.id()).state()).isEqualTo(SpaceState.FAILED);
        fixture.service.startSpace(fixture.alice, space.id());

        assertThat(fixture.jobs.submissions()).hasSize(2).containsOnly("default/knot-" + space.id());
        assertThat(fixture.jobs.jobs()).hasSize(1);
        assertThat(fixture.volumes.volumes()).hasSize(1);
    }

    @Test
    void aRunningSpaceWhoseJobVanishesIsStoppedAndOneWhoseJobFailsKeepsTheMessage() {
        Space first = startedAndRunning("first");
        Space second = startedAndRunning("second");

        fixture.jobs.remove("default", first.nomadJobId());
        fixture.jobs.setState("default", second.nomadJobId(), new JobStatus(JobState.FAILED, "image pull failed"));
        fixture.service.reconcile();

        assertThat(fixture.stored(first.id()).state()).isEqualTo(SpaceState.STOPPED);
        Space failed = fixture.stored(second.id());
        assertThat(failed.state()).isEqualTo(SpaceState.FAILED);
        assertThat(failed.stateMessage()).isEqualTo("image pull failed");
    }

    @Test
    void onlyStoppedOrFailedSpacesAreDeletedAndOnlyActiveOnesStopped() {
        Space space = fixture.create(fixture.alice, "dev");
        assertCode(() -> fixture.service.stopSpace(fixture.alice, space.id()), ErrorCode.LOCKED);
        fixture.service.startSpace(fixture.alice, space.id());

        assertCode(() -> fixture.service.deleteSpace(fixture.alice, space.id()), ErrorCode.LOCKED);
        assertThat(fixture.domain.spaces.findById(space.id())).isPresent();
    }

    @Test
    void othersSpacesAreNotFoundUnlessTheActorManagesSpaces() {
        Space space = fixture.create(fixture.alice, "dev");
        User bob = fixture.domain.userWith(fixture.admin, "bob");
        User spaceManager = fixture.domain.userWith(fixture.admin, "carol", Role.SPACE_MANAGER);

        assertCode(() -> fixture.service.getSpace(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.startSpace(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.stopSpace(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.deleteSpace(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.serviceState(bob, space.id()), ErrorCode.NOT_FOUND);
        assertCode(() -> fixture.service.listSpaces(bob, fixture.alice.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> fixture.service.stopSpacesOfUser(bob, fixture.alice.id()), ErrorCode.PERMISSION_DENIED);
        assertThat(fixture.jobs.submissions()).isEmpty();

        assertThat(fixture.service.getSpace(spaceManager, space.id())).isEqualTo(space);
        assertThat(fixture.service.listSpaces(spaceManager, fixture.alice.id())).hasSize(1);
        fixture.service.startSpace(spaceManager, space.id());
        assertThat(fixture.service.stopSpacesOfUser(spaceManager, fixture.alice.id())).isEqualTo(1);
        assertThat(fixture.jobs.jobs()).isEmpty();
    }

    @Test
    void theServiceStateShowsTheAgentAndWhetherTheTemplateChanged() {
        Space space = startedAndRunning("dev");
        fixture.agents.save(AgentStateFixtures.anAgentState().withSpace(space.id()).withCodeServer(true).build());

        SpaceServiceState state = fixture.service.serviceState(fixture.alice, space.id());
        assertThat(state.agent()).isPresent();
        assertThat(state.updateAvailable()).isFalse();
        assertThat(state.remote()).isFalse();

        fixture.domain.templateService.updateTemplate(fixture.admin, fixture.template.id(),
                new TemplateCommand(fixture.template.name(), "", SpaceFixture.JOB + "\n",
                        SpaceFixture.VOLUMES, Set.of()));
        assertThat(fixture.service.serviceState(fixture.alice, space.id()).updateAvailable()).isTrue();
    }

    private Space startedAndRunning(String name) {
        Space space = fixture.create(fixture.alice, name);
        fixture.service.startSpace(fixture.alice, space.id());
        fixture.jobs.runAll();
        fixture.service.reconcile();
        Space running = fixture.stored(space.id());
        assertThat(running.state()).isEqualTo(SpaceState.RUNNING);
        return running;
    }
}
