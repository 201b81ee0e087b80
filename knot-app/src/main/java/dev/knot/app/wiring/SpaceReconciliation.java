package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.knot.domain.space.SpaceService;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SpaceService#reconcile} every few seconds, as the original polled Nomad for each space it had
 * started: starting spaces become running, stopped ones stopped, and work a previous server left half-done (a start,
 * a stop, a delete) is finished. The first round runs at once, so a restarted server picks up where it left.
 */
final class SpaceReconciliation implements ManagedService {
    /** The original's job monitor polled every 3 s. */
    static final Duration PERIOD = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(SpaceReconciliation.class);

    private final SpaceService spaces;
    private ScheduledExecutorService scheduler;

    @Inject
    SpaceReconciliation(SpaceService spaces) {
        this.spaces = requireNonNull(spaces, "spaces is null");
    }

    @Override
    public String name() {
        return "space reconciliation";
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "knot-space-reconciliation");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::reconcile, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void reconcile() {
        try {
            spaces.reconcile();
        } catch (RuntimeException failure) {
            // The store may be down for a while; the next round tries again, and a thrown failure would end the
            // schedule for good.
            LOG.warn("space reconciliation failed, trying again in {} s: {}", PERIOD.toSeconds(),
                    failure.getMessage());
        }
    }
}
