package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Space;
import dev.knot.ports.out.SpaceRepository;
import java.util.function.UnaryOperator;

/**
 * One operation's hold on a space: the version it read or last wrote. Every change is written only over that very
 * version ({@link SpaceRepository#replaceIfUnchanged}), so of two operations that read the same space, on one server
 * or on two sharing the store, only the first to write goes on; the other gets {@link SpaceOvertaken}. Not
 * thread-safe: one operation, one thread.
 */
final class TrackedSpace {
    private final SpaceRepository spaces;
    private Space current;

    TrackedSpace(SpaceRepository spaces, Space read) {
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.current = requireNonNull(read, "read is null");
    }

    /** The space as this operation last read or wrote it. */
    Space current() {
        return current;
    }

    /**
     * Writes {@code change} applied to the current version, if the store still holds that version.
     *
     * @return the version written, now the current one
     * @throws SpaceOvertaken when the store holds something else (or nothing); nothing is written then
     */
    Space change(UnaryOperator<Space> change) {
        Space next = change.apply(current);
        if (!spaces.replaceIfUnchanged(current, next)) {
            throw new SpaceOvertaken();
        }
        current = next;
        return next;
    }
}
