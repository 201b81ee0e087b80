package dev.knot.ports.out;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Durable storage of {@link Space}s. Among one user's spaces every name and alternative name is unique,
 * compared case-insensitively.
 */
public interface SpaceRepository extends EntityRepository<Space> {
    /**
     * Inserts a new space.
     *
     * @throws dev.knot.ports.model.KnotException ALREADY_EXISTS when the id is taken or one of its names is
     *     already used by another space of the same user; nothing is written then
     */
    void create(Space space);

    /**
     * Inserts a new space only if {@code withinQuota} accepts the owner's spaces as they are at that moment,
     * atomically: while it decides, no other {@code createWithinQuota} for the same owner can insert, on this server
     * or on any other sharing the store. So N racing creates against a limit of N leave exactly N spaces.
     * {@code withinQuota} may run while the store holds a lock: it must only compute (no store access).
     *
     * @return true if the space was inserted; false (nothing written) when {@code withinQuota} said no
     * @throws dev.knot.ports.model.KnotException as {@link #create}; whatever {@code withinQuota} throws, with
     *     nothing written
     */
    boolean createWithinQuota(Space space, Predicate<List<Space>> withinQuota);

    /**
     * Replaces an existing space (same id, same owner), keeping the name indexes in step.
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND when there is no such space; ALREADY_EXISTS when a
     *     new name clashes with another of the owner's spaces; nothing is written then
     */
    void update(Space space);

    /**
     * Replaces the stored space with {@code replacement} only if the store still holds exactly {@code expected}
     * (every field; instants as precisely as the store keeps them), as one atomic step: of several callers
     * replacing the same {@code expected}, on this server or on any other sharing the store, at most one succeeds.
     * This is how an operation that read a space makes sure nobody changed it in between (optimistic locking);
     * the name indexes follow as in {@link #update}.
     *
     * @param expected the space as the caller read or last wrote it
     * @param replacement the same space (same id) as it is to become
     * @return true if written; false, with nothing written, when the stored space differs from {@code expected}
     *     or is gone
     * @throws IllegalArgumentException when the two have different ids
     * @throws dev.knot.ports.model.KnotException ALREADY_EXISTS when a new name clashes with another of the
     *     owner's spaces; nothing is written then
     */
    boolean replaceIfUnchanged(Space expected, Space replacement);

    /** The argument checks of {@link #replaceIfUnchanged}, which every store makes alike. */
    static void requireSameSpace(Space expected, Space replacement) {
        Objects.requireNonNull(expected, "expected is null");
        Objects.requireNonNull(replacement, "replacement is null");
        if (!expected.id().equals(replacement.id())) {
            throw new IllegalArgumentException(
                    "a replacement must be the same space: " + replacement.id() + " is not " + expected.id());
        }
    }

    /** The user's space with this name or alternative name (case-insensitive), or empty. */
    Optional<Space> findByName(Id<User> userId, String name);

    List<Space> findByUser(Id<User> userId);

    List<Space> findByTemplate(Id<Template> templateId);
}
