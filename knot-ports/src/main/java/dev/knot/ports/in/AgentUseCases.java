package dev.knot.ports.in;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;

/**
 * The agents inside spaces: their registration, their state reports, and the way the server reaches them.
 * An agent's access token works only for its own space's agent routes; a new registration replaces it.
 */
public interface AgentUseCases {
    /**
     * Registers the agent of a space that is starting or running (or of a Manual-template space, whose agent is
     * installed by hand), replacing any earlier registration and its token. The agent proves it belongs to the
     * space with the space's registration key, which the space's job receives as {@code KNOT_AGENT_KEY} (and the
     * owner of a Manual space reads through {@link SpaceUseCases#agentRegistrationKey}).
     *
     * @param address host:port where the server can reach the agent
     * @param registrationKey the space's registration key, compared in constant time; null when the agent sent none
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED for a missing or wrong key, checked before anything
     *     else so that no space id can be probed without its key; NOT_FOUND for an unknown space or owner; LOCKED
     *     when the space is not started or its owner is inactive; INVALID_ARGUMENT for a malformed address or version
     */
    AgentRegistration register(Id<Space> spaceId, String address, String agentVersion, String registrationKey);

    /**
     * The live state of the space's agent, if {@code accessToken} is the token of its current registration
     * (compared in constant time).
     *
     * @throws dev.knot.ports.model.KnotException UNAUTHENTICATED for a missing, foreign, replaced or expired token,
     *     without saying which
     */
    AgentState authenticate(Id<Space> spaceId, String accessToken);

    /** Records a state report of an agent that {@link #authenticate} accepted, and keeps its state alive. */
    void report(AgentState authenticated, AgentReport report);

    /**
     * Where the server reaches the space's agent, and the bearer the agent expects, for the space's owner or a user
     * with manage-spaces.
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND when the space is not the actor's (nor managed by them)
     *     or when no agent is connected for it
     */
    AgentEndpoint endpoint(User actor, Id<Space> spaceId);

    /**
     * Where the server reaches the agent of one of the actor's own spaces, found by its name or one of its alternative
     * names (case-insensitive), as {@code knot forward} names it. Only the actor's spaces are looked at: another user's
     * space of that name, even for a space manager, is not found.
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND when the actor has no space of that name (a name that no
     *     space could have included) or when no agent is connected for it
     */
    AgentEndpoint endpointByName(User actor, String spaceName);
}
