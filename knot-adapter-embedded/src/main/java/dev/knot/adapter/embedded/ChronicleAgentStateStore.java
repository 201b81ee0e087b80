package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Agents' reports in the embedded store, one per space. An expired state is never returned; one met while reading
 * is removed then, the rest by the store's periodic purge.
 */
final class ChronicleAgentStateStore implements AgentStateStore {
    private final EmbeddedStore store;
    private final Clock clock;

    @Inject
    ChronicleAgentStateStore(EmbeddedStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void save(AgentState state) {
        states().save(requireNonNull(state, "state is null"));
    }

    @Override
    public Optional<AgentState> find(Id<Space> spaceId) {
        Optional<AgentState> found = states().find(spaceId.value());
        if (found.isPresent() && !isLive(found.get())) {
            states().removeIf(spaceId.value(), stored -> !isLive(stored));
            return Optional.empty();
        }
        return found;
    }

    @Override
    public boolean delete(Id<Space> spaceId) {
        return states().remove(spaceId.value()).filter(this::isLive).isPresent();
    }

    private boolean isLive(AgentState state) {
        return !state.isExpiredAt(clock.now());
    }

    private RecordCollection<AgentState> states() {
        return store.collections().agentStates();
    }
}
