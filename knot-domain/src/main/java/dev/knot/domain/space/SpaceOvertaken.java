package dev.knot.domain.space;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;

/**
 * LOCKED: another operation, on this server or on another sharing the store, changed the space after this one read
 * it, so this one stopped instead of overwriting what the other decided. Its own type so that the operation does
 * not then record a failure on the space, which is no longer its to change.
 */
final class SpaceOvertaken extends KnotException {
    private static final long serialVersionUID = 1L;

    SpaceOvertaken() {
        super(ErrorCode.LOCKED, "the space is being changed by another request; try again");
    }
}
