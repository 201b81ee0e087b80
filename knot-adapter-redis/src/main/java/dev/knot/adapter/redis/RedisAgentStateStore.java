package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Agent reports under {@code AgentState:<space id>}, written in one round trip (they arrive every few seconds per
 * running space). Each read checks the stored expiry against the Clock; Redis drops the entry a little after
 * that (see {@link NativeExpiry}).
 */
final class RedisAgentStateStore implements AgentStateStore {
    private final Clock clock;
    private final IndexedRecords<AgentState> states;

    @Inject
    RedisAgentStateStore(RedisOperations redis, KeyLayout keys, Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        this.states = new IndexedRecords<>(redis, keys, KeyLayout.Collection.AGENT_STATES, new AgentStateCodec(),
                new Indexing());
    }

    @Override
    public void save(AgentState state) {
        states.overwrite(state);
    }

    @Override
    public Optional<AgentState> find(Id<Space> spaceId) {
        return states.find(spaceId.value()).filter(this::isLive);
    }

    @Override
    public boolean delete(Id<Space> spaceId) {
        return states.delete(spaceId.value()).filter(this::isLive).isPresent();
    }

    private boolean isLive(AgentState state) {
        return !state.isExpiredAt(clock.now());
    }

    private final class Indexing implements IndexedRecords.Indexing<AgentState> {
        @Override
        public String idOf(AgentState state) {
            return state.spaceId().value();
        }

        @Override
        public Set<String> uniqueKeys(AgentState state) {
            return Set.of();
        }

        @Override
        public Set<String> sets(AgentState state) {
            return Set.of();
        }

        @Override
        public Optional<Duration> timeToLive(AgentState state) {
            return Optional.of(NativeExpiry.timeToLive(state.expiresAt(), clock.now()));
        }
    }
}
