package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.testkit.fixture.AgentStateFixtures;
import dev.knot.testkit.fixture.FixtureDefaults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgentStateStore}: one state per space, replaced by each report, never returned once
 * expired. Expiry is measured by the clock given to {@link #newStore}.
 */
public abstract class AgentStateStoreContract extends ExpiringStoreContract<AgentStateStore> {
    private static final Instant NOW = FixtureDefaults.NOW;

    protected AgentStateStoreContract() {
        super(AgentStateStore.class);
    }

    @Test
    public void savedStateIsFoundWithEveryField() {
        AgentState state = AgentStateFixtures.anAgentState()
                .withAgentVersion("0.9.1-ß")
                .withAddress("[2001:db8::1]:3000")
                .withCodeServer(true)
                .withSshPort(22)
                .withVncHttpPort(5680)
                .withTerminal(false)
                .withTcpPorts(Map.of(5432, "Postgres 🐘", 0, "", 65535, "max"))
                .withHttpPorts(Map.of(8080, "web", 3000, "Zoë's app"))
                .build();

        store().save(state);

        assertThat(store().find(state.spaceId())).contains(state);
    }

    @Test
    public void stateWithEmptyStringsAndNoPortsSurvivesTheRoundTrip() {
        AgentState state = AgentStateFixtures.anAgentState()
                .withAgentVersion("")
                .withAddress("")
                .withTcpPorts(Map.of())
                .withHttpPorts(Map.of())
                .build();

        store().save(state);

        assertThat(store().find(state.spaceId())).contains(state);
    }

    @Test
    public void stateOfAnUnknownSpaceIsEmpty() {
        store().save(AgentStateFixtures.anAgentState().build());

        assertThat(store().find(FixtureDefaults.anId())).isEmpty();
    }

    @Test
    public void savingAgainReplacesTheSpacesState() {
        AgentState first = AgentStateFixtures.anAgentState().build();
        store().save(first);
        AgentState second = AgentStateFixtures.copyOf(first)
                .withAgentVersion("1.0.0")
                .withHttpPorts(Map.of(8080, "web"))
                .build();

        store().save(second);

        assertThat(store().find(first.spaceId())).contains(second);
    }

    @Test
    public void statesOfDifferentSpacesAreKeptApart() {
        AgentState first = AgentStateFixtures.anAgentState().build();
        AgentState second = AgentStateFixtures.anAgentState().build();

        store().save(first);
        store().save(second);

        assertThat(store().find(first.spaceId())).contains(first);
        assertThat(store().find(second.spaceId())).contains(second);
    }

    @Test
    public void stateIsReturnedUntilJustBeforeItExpiresAndNeverFromThen() {
        AgentState state = AgentStateFixtures.anAgentState().withExpiresAt(NOW.plusSeconds(30)).build();
        store().save(state);

        clock().set(state.expiresAt().minusMillis(1));
        assertThat(store().find(state.spaceId())).contains(state);

        clock().set(state.expiresAt());
        assertThat(store().find(state.spaceId())).isEmpty();

        clock().advance(Duration.ofHours(1));
        assertThat(store().find(state.spaceId())).isEmpty();
    }

    @Test
    public void stateSavedAlreadyExpiredIsNeverReturned() {
        AgentState expired = AgentStateFixtures.anAgentState().withExpiresAt(NOW.minusSeconds(1)).build();

        store().save(expired);

        assertThat(store().find(expired.spaceId())).isEmpty();
    }

    @Test
    public void savingAgainWithALaterExpiryExtendsTheState() {
        AgentState state = AgentStateFixtures.anAgentState().withExpiresAt(NOW.plusSeconds(30)).build();
        store().save(state);
        clock().advance(Duration.ofSeconds(20));
        AgentState refreshed = state.withExpiry(clock().now().plusSeconds(30));

        store().save(refreshed);
        clock().advance(Duration.ofSeconds(20));

        assertThat(store().find(state.spaceId())).contains(refreshed);
    }

    @Test
    public void aReportAfterExpiryMakesTheSpaceLiveAgain() {
        AgentState state = AgentStateFixtures.anAgentState().withExpiresAt(NOW.plusSeconds(30)).build();
        store().save(state);
        clock().advance(Duration.ofSeconds(60));
        AgentState fresh = state.withExpiry(clock().now().plusSeconds(30));

        store().save(fresh);

        assertThat(store().find(state.spaceId())).contains(fresh);
    }

    @Test
    public void deleteRemovesTheLiveState() {
        AgentState deleted = AgentStateFixtures.anAgentState().build();
        AgentState kept = AgentStateFixtures.anAgentState().build();
        store().save(deleted);
        store().save(kept);

        assertThat(store().delete(deleted.spaceId())).isTrue();

        assertThat(store().find(deleted.spaceId())).isEmpty();
        assertThat(store().find(kept.spaceId())).contains(kept);
        assertThat(store().delete(deleted.spaceId())).isFalse();
    }

    @Test
    public void deleteOfAnUnknownSpaceReturnsFalse() {
        assertThat(store().delete(FixtureDefaults.anId())).isFalse();
    }

    @Test
    public void deleteOfAnExpiredStateReturnsFalse() {
        AgentState state = AgentStateFixtures.anAgentState().withExpiresAt(NOW.plusSeconds(30)).build();
        store().save(state);
        clock().advance(Duration.ofSeconds(30));

        assertThat(store().delete(state.spaceId())).isFalse();
        assertThat(store().find(state.spaceId())).isEmpty();
    }

    @Test
    public void concurrentReportsOfDifferentSpacesAreAllKept() {
        AgentStateStore shared = store();
        List<AgentState> states = IntStream.range(0, 20)
                .mapToObj(index -> AgentStateFixtures.anAgentState().build())
                .toList();

        Race.run(states.size(), index -> {
            shared.save(states.get(index));
            return index;
        });

        for (AgentState state : states) {
            Id<Space> space = state.spaceId();
            assertThat(shared.find(space)).contains(state);
        }
    }
}
