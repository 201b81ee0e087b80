package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration and state reporting (reference §6.1, §6.2): register until the server accepts, then report every
 * 4 s; after 3 reports in a row fail, register again.
 */
final class AgentSession {
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(4);
    static final int FAILURES_BEFORE_REREGISTERING = 3;
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

    private final AgentConfig config;
    private final ServerClient server;
    private final CurrentRegistration current;
    private final LocalServices services;
    private final AuthorizedKeys authorizedKeys;
    private final Backoff backoff;
    private final Pause pause;
    private int failedReports;

    AgentSession(AgentConfig config, ServerClient server, CurrentRegistration current, LocalServices services,
            AuthorizedKeys authorizedKeys, Backoff backoff, Pause pause) {
        this.config = requireNonNull(config, "config is null");
        this.server = requireNonNull(server, "server is null");
        this.current = requireNonNull(current, "current is null");
        this.services = requireNonNull(services, "services is null");
        this.authorizedKeys = requireNonNull(authorizedKeys, "authorizedKeys is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.pause = requireNonNull(pause, "pause is null");
    }

    /** Runs until the thread is interrupted. */
    void run() {
        try {
            registerUntilAccepted();
            while (!Thread.currentThread().isInterrupted()) {
                pause.pause(REPORT_INTERVAL);
                reportOnce();
            }
        }
        catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    void registerUntilAccepted() throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                Registration registration = server.register(config.advertise(), LocalServices.AGENT_VERSION);
                current.set(registration);
                failedReports = 0;
                LOG.info("registered with {} for space {}", registration.serverUrl(), config.spaceId());
                updateAuthorizedKeys(registration);
                return;
            }
            catch (ServerClient.CallFailed failed) {
                failures++;
                Duration delay = backoff.delay(failures);
                LOG.warn("{}; retrying in {} ms", failed.getMessage(), delay.toMillis());
                pause.pause(delay);
            }
        }
    }

    /** One state report; the third failure in a row triggers a new registration. */
    void reportOnce() throws InterruptedException {
        Registration registration = current.get().orElseThrow(() -> new IllegalStateException("not registered"));
        try {
            server.report(registration, services.report());
            failedReports = 0;
        }
        catch (ServerClient.CallFailed failed) {
            failedReports++;
            LOG.warn("{} ({} in a row)", failed.getMessage(), failedReports);
            if (failedReports >= FAILURES_BEFORE_REREGISTERING) {
                LOG.info("registering again after {} failed state reports", failedReports);
                registerUntilAccepted();
            }
        }
    }

    private void updateAuthorizedKeys(Registration registration) {
        if (config.sshPort() > 0 && config.updateAuthorizedKeys()) {
            try {
                authorizedKeys.update(registration.sshKey(), registration.githubUsername());
            }
            catch (IOException unwritable) {
                LOG.warn("cannot update authorized_keys: {}", unwritable.getMessage());
            }
        }
    }
}
