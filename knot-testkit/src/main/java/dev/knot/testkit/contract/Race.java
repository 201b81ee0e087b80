package dev.knot.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs several contenders at once, each on its own thread, released together to make collisions likely. */
final class Race {
    private static final long TIMEOUT_SECONDS = 60;

    private Race() {}

    /** @return each contender's result, in contender order */
    static <T> List<T> run(int contenders, IntFunction<T> contender) {
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch ready = new CountDownLatch(contenders);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int index = 0; index < contenders; index++) {
                int number = index;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return contender.apply(number);
                }));
            }
            ready.await();
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> result : results) {
                outcomes.add(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (ExecutionException failure) {
            throw new AssertionError("a contender failed: " + failure.getCause(), failure.getCause());
        } catch (TimeoutException timeout) {
            throw new AssertionError("contenders did not finish within " + TIMEOUT_SECONDS + " s", timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", interrupted);
        } finally {
            threads.shutdownNow();
        }
    }
}
