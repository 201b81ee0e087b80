package dev.knot.domain.space;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the operations on one space within this server, so that a storm of start, stop and delete calls
 * cannot interleave their read-modify-write of the record and the scheduler calls that go with it. A fixed set of
 * stripes bounds the memory whatever the number of spaces; two spaces sharing a stripe only wait for each other.
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
