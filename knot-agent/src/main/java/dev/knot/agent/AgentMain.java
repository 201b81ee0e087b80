package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The entry point of `knot agent`: loads the configuration, serves the agent API, registers with the server and
 * reports state until SIGTERM or SIGINT, then stops reporting, closes the listener and returns 0.
 */
public final class AgentMain {
    /** The configuration was invalid; nothing was started. */
    public static final int INVALID_CONFIG = 2;
    /** The agent could not start, for instance because its listen address is in use. */
    public static final int STARTUP_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

    private AgentMain() {}

    /**
     * Runs the agent until the process is asked to stop.
     *
     * @param configFile  a YAML file with agent.* keys, if any
     * @param environment the process environment: KNOT_* variables win over the file, HOME locates ~/.ssh, and
     *                    the terminal's shells run with it (found on its PATH)
     * @param errors      where configuration problems are written, one a line
     * @return the process exit code
     */
    public static int run(Optional<Path> configFile, Map<String, String> environment, PrintWriter errors) {
        requireNonNull(configFile, "configFile is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(errors, "errors is null");
        AgentConfigLoader.Result loaded = AgentConfigLoader.load(configFile, environment);
        if (loaded.config().isEmpty()) {
            for (String error : loaded.errors()) {
                errors.println(error);
            }
            errors.println("the agent did not start");
            errors.flush();
            return INVALID_CONFIG;
        }
        AgentConfig config = loaded.config().get();
        RunningAgent agent;
        try {
            agent = RunningAgent.start(config, home(environment), environment, new SecureRandom());
        }
        catch (RuntimeException cannotListen) {
            // Undertow reports a busy or unknown address as an unchecked exception around the BindException.
            errors.println("cannot listen on " + config.listen() + ": " + cannotListen.getMessage());
            errors.flush();
            return STARTUP_FAILED;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // Handling the signals ourselves (instead of a shutdown hook) lets SIGTERM end in exit code 0.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try (agent) {
            LOG.info("agent for space {} listening on {}, advertised as {}", config.spaceId(), config.listen(),
                    config.advertise());
            if (config.registrationKey().isEmpty()) {
                LOG.warn("agent.registration_key (KNOT_AGENT_KEY) is not set: a knot-Java server refuses to register"
                        + " this agent (a space's job gets the key from the server; see docs/agent.md)");
            }
            stop.await();
            LOG.info("stopping the agent");
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Path home(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", "");
        return Path.of(home.isEmpty() ? System.getProperty("user.home", "/") : home);
    }
}
