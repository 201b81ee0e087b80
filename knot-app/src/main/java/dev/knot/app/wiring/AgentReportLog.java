package dev.knot.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.knot.domain.agent.AgentService;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line every {@link #PERIOD} while agents report, e.g. {@code agent reports: 5000 received, 1250 written
 * (10 s)}: reports are the server's steadiest load, and the line shows how many of them the coalescing in
 * {@link AgentService#report} kept from the store. Quiet while no agent reports. bench/agent-ingest.sh reads it.
 */
final class AgentReportLog implements ManagedService {
    static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AgentReportLog.class);

    private final AgentService agents;
    private long receivedBefore;
    private long writtenBefore;
    private ScheduledExecutorService scheduler;

    @Inject
    AgentReportLog(AgentService agents) {
        this.agents = requireNonNull(agents, "agents is null");
    }

    /** For a running server only (not `knot admin`): binds the log and adds it to the services that start. */
    static Module module() {
        return binder -> {
            binder.bind(AgentReportLog.class).in(Singleton.class);
            Multibinder.newSetBinder(binder, ManagedService.class).addBinding().to(AgentReportLog.class);
        };
    }

    @Override
    public String name() {
        return "agent report log";
    }

    @Override
    public synchronized void start() {
        receivedBefore = agents.reportsReceived();
        writtenBefore = agents.reportsWritten();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "knot-agent-report-log");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::logRound, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private synchronized void logRound() {
        long received = agents.reportsReceived();
        long written = agents.reportsWritten();
        if (received != receivedBefore) {
            LOG.info("agent reports: {} received, {} written ({} s)", received - receivedBefore,
                    written - writtenBefore, PERIOD.toSeconds());
        }
        receivedBefore = received;
        writtenBefore = written;
    }
}
