package dev.knot.domain.space;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the thread that makes the n-th call through it until the test lets it go: to stop one server at a chosen
 * point while another acts. The waits are bounded only so that a broken test fails instead of hanging.
 */
final class Pause {
    private static final long LIMIT_SECONDS = 30;

    private final int atCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** @param atCall which call is held, from 1 */
    Pause(int atCall) {
        this.atCall = atCall;
    }

    /** Called by the paused component before it does its work. */
    void pass() {
        if (calls.incrementAndGet() == atCall) {
            reached.countDown();
            await(released, "the test never released the paused call");
        }
    }

    /** Waits until a call is being held. */
    void awaitReached() {
        await(reached, "no call reached the pause");
    }

    void release() {
        released.countDown();
    }

    private static void await(CountDownLatch latch, String failure) {
        try {
            if (!latch.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(failure + " within " + LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted at the pause", interrupted);
        }
    }
}
