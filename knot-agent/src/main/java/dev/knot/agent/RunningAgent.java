package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The agent's parts, started together and stopped together: the API listener and the session thread. */
final class RunningAgent implements AutoCloseable {
    private final AgentApi api;
    private final Thread session;

    private RunningAgent(AgentApi api, Thread session) {
        this.api = api;
        this.session = session;
    }

    static RunningAgent start(AgentConfig config, Path home, Map<String, String> environment,
            RandomGenerator random) {
        requireNonNull(config, "config is null");
        CurrentRegistration current = new CurrentRegistration();
        AuthorizedKeys authorizedKeys = new AuthorizedKeys(home, new GithubKeys(GithubKeys.GITHUB)::keysOf);
        AgentApi api = new AgentApi(config, current, authorizedKeys, home, environment);
        api.start();
        ServerClient server = new ServerClient(config.server(), config.spaceId(), config.registrationKey(),
                config.tlsSkipVerify());
        AgentSession session = new AgentSession(config, server, current, new LocalServices(config), authorizedKeys,
                new Backoff(random), Pause.sleeping());
        Thread thread = new Thread(session::run, "agent-session");
        thread.setDaemon(true);
        thread.start();
        return new RunningAgent(api, thread);
    }

    @Override
    public void close() throws InterruptedException {
        session.interrupt();
        session.join(5_000);
        api.close();
    }
}
