package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import java.util.List;

/**
 * Spaces: their owner, or a user with the manage-spaces permission, may do everything with them. A space that is
 * not the actor's and that they may not manage is NOT_FOUND, so ids of others' spaces cannot be probed.
 * Lifecycle: STOPPED → STARTING → RUNNING → STOPPING → STOPPED; DELETING on the way out; FAILED when the scheduler
 * refused or lost the job (with its message). Scheduler failures pass through (SCHEDULER_UNAVAILABLE,
 * PERMISSION_DENIED, INVALID_ARGUMENT) and leave the space FAILED, STOPPING or DELETING with the message, never
 * claiming to run.
 */
public interface SpaceUseCases {
    /** The spaces of {@code owner}: the actor's own, or anyone's for a space manager (PERMISSION_DENIED otherwise). */
    List<SpaceSummary> listSpaces(User actor, Id<User> owner);

    /** Every space, for a space manager. */
    List<SpaceSummary> listAllSpaces(User actor);

    Space getSpace(User actor, Id<Space> spaceId);

    /**
     * Creates a stopped space. Creating for another user needs manage-spaces (PERMISSION_DENIED). The template must
     * exist and be usable by the owner (INVALID_ARGUMENT "Unknown template"). The owner's max_spaces and
     * max_disk_space are enforced (QUOTA_EXCEEDED); ALREADY_EXISTS when a name is taken among the owner's spaces.
     */
    Space createSpace(User actor, SpaceCommand command);

    /** Changes name, alternative names, template, agent url and shell; the space's state is untouched. */
    Space updateSpace(User actor, Id<Space> spaceId, SpaceCommand command);

    /** Deletes a stopped (or failed) space with its volumes. LOCKED in any other state. */
    void deleteSpace(User actor, Id<Space> spaceId);

    /**
     * Creates the space's volumes and submits its job under an id derived from the space, so a retry never makes a
     * second job. STOPPED or FAILED → STARTING; LOCKED in any other state.
     */
    Space startSpace(User actor, Id<Space> spaceId);

    /** Removes the space's job (purged). STARTING, RUNNING or FAILED → STOPPING; LOCKED in any other state. */
    Space stopSpace(User actor, Id<Space> spaceId);

    SpaceServiceState serviceState(User actor, Id<Space> spaceId);

    /**
     * The key the space's agent registers with ({@link AgentUseCases#register}): what a hand-installed agent (a
     * Manual-template space) must be configured with. The space's job receives it by itself.
     */
    String agentRegistrationKey(User actor, Id<Space> spaceId);

    /**
     * Stops every starting or running space of the user at this server's location: for the user themself, user
     * managers and space managers (PERMISSION_DENIED for anyone else).
     *
     * @return how many spaces were asked to stop
     */
    int stopSpacesOfUser(User actor, Id<User> userId);
}
