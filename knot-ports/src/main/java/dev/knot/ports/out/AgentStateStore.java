package dev.knot.ports.out;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import java.util.Optional;

/**
 * Where agents' reports live (the cache). Entries expire at their {@code expiresAt}, measured by the store's
 * {@link Clock}: an expired state is never returned. Saves are frequent (every few seconds per running space).
 */
public interface AgentStateStore {
    /** Inserts or replaces the state of the space's agent. */
    void save(AgentState state);

    /** The live state of the space's agent, or empty when none was reported or it expired. */
    Optional<AgentState> find(Id<Space> spaceId);

    /** @return true if a live state was removed */
    boolean delete(Id<Space> spaceId);
}
