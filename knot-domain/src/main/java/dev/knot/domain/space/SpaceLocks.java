package dev.knot.domain.space;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the operations on one space within this server, so that this server's own start, stop and delete
 * calls take turns instead of overtaking each other. Correctness does not rest on it: every write is a
 * compare-and-set ({@link TrackedSpace}), which also holds between servers; the lock only spares the calls of one
 * server the LOCKED answers they would otherwise give each other. A fixed set of stripes bounds the memory whatever
 * the number of spaces; two spaces sharing a stripe only wait for each other.
 */
final class SpaceLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    SpaceLocks() {
        for (int index = 0; index < STRIPES; index++) {
            stripes[index] = new ReentrantLock();
        }
    }

    <T> T with(Id<Space> spaceId, Supplier<T> action) {
        ReentrantLock lock = stripeOf(spaceId);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} only if no operation holds the space now: the reconciler skips busy spaces. */
    boolean tryWith(Id<Space> spaceId, Runnable action) {
        ReentrantLock lock = stripeOf(spaceId);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            action.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock stripeOf(Id<Space> spaceId) {
        return stripes[Math.floorMod(spaceId.hashCode(), STRIPES)];
    }
}
