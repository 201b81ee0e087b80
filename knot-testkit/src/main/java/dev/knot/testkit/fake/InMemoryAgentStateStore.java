package dev.knot.testkit.fake;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import java.util.Optional;

/** An {@link AgentStateStore} in memory, expiring states by the given clock. Thread-safe. */
public final class InMemoryAgentStateStore implements AgentStateStore {
    private final ExpiringEntries<Id<Space>, AgentState> states;

    public InMemoryAgentStateStore(Clock clock) {
        this.states = new ExpiringEntries<>(clock, AgentState::spaceId, AgentState::isExpiredAt);
    }

    @Override
    public void save(AgentState state) {
        states.put(state);
    }

    @Override
    public Optional<AgentState> find(Id<Space> spaceId) {
        return states.get(spaceId);
    }

    @Override
    public boolean delete(Id<Space> spaceId) {
        return states.removeLive(spaceId);
    }
}
