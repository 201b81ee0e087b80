package dev.knot.testkit.nomad;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A single-node Nomad (server and client) speaking Nomad's HTTP API on 127.0.0.1, for tests and for trying knot
 * on one machine. Jobs, allocations, CSI volumes and namespaces are kept in memory; raw_exec tasks really run as
 * local processes; other drivers stay pending. See docs/nomad-simulator.md for what is and is not simulated.
 *
 * <pre>{@code
 * try (NomadSimulator nomad = NomadSimulator.builder().namespace("dev").start()) {
 *     String address = nomad.url();                       // http://127.0.0.1:<port>
 *     nomad.faults().respond(FaultScope.of("PUT", "/v1/jobs").times(1), 500, "No cluster leader");
 * }
 * }</pre>
 */
public final class NomadSimulator implements AutoCloseable {
    static final String REGION = "global";
    static final String DATACENTER = "dc1";
    static final String NODE_NAME = "nomad-simulator";
    static final String NODE_ID = "5e1a1a7e-0000-4000-8000-000000000001";
    static final String VERSION = "1.11.0";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final AllocationRunner runner;
    private final NomadFaults faults = new NomadFaults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private NomadSimulator(Builder builder) throws IOException {
        ClusterState state = new ClusterState(builder.namespaces);
        this.runner = new AllocationRunner(state, Files.createTempDirectory("nomad-simulator-"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        // Blocking queries hold a thread each; a bounded pool would let a few watchers starve every other call.
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "nomad-simulator-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", new NomadHttpHandler(state, runner, faults, builder.aclToken, requests,
                this::port));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A simulator on a free port, no ACLs, only the default namespace. */
    public static NomadSimulator start() {
        return builder().start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to give a Nomad client, e.g. {@code http://127.0.0.1:4646} (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public NomadFaults faults() {
        return faults;
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The PIDs of the raw_exec task processes running now (each task's own process, not its children). */
    public List<Long> taskProcessIds() {
        return runner.runningProcessIds();
    }

    /** Stops serving and kills every process the simulator started (with their children). Idempotent. */
    public void stop() {
        server.stop(0);
        handlers.shutdownNow();
        runner.close();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a simulator in the foreground until the JVM is told to stop (SIGTERM, Ctrl-C), which kills its tasks.
     * Arguments: {@code --port <port>} (default 4646), {@code --token <acl token>}, {@code --namespace <name>}
     * (repeatable).
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().port(4646);
        for (int index = 0; index < args.length; index++) {
            String value = index + 1 < args.length ? args[index + 1] : null;
            switch (args[index]) {
                case "--port" -> builder.port(Integer.parseInt(requireNonNull(value, "--port needs a value")));
                case "--token" -> builder.aclToken(requireNonNull(value, "--token needs a value"));
                case "--namespace" -> builder.namespace(requireNonNull(value, "--namespace needs a value"));
                default -> throw new IllegalArgumentException("unknown argument " + args[index]
                        + " (expected --port <port>, --token <token>, --namespace <name>)");
            }
            index++;
        }
        NomadSimulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "nomad-simulator-shutdown"));
        stopped.await();
    }

    /** Settings of a simulator; {@link #start()} binds the port. */
    public static final class Builder {
        private int port;
        private Optional<String> aclToken = Optional.empty();
        private final Set<String> namespaces = new LinkedHashSet<>();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Enables ACLs with this one management token: requests without a token get 403 "Permission denied", with
         * another token 403 "ACL token not found".
         */
        public Builder aclToken(String token) {
            requireNonNull(token, "token is null");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token is blank");
            }
            this.aclToken = Optional.of(token);
            return this;
        }

        /** A namespace besides "default", which always exists. */
        public Builder namespace(String name) {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("namespace name is blank");
            }
            namespaces.add(name);
            return this;
        }

        public NomadSimulator start() {
            try {
                return new NomadSimulator(this);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot start the Nomad simulator on 127.0.0.1:" + port, failure);
            }
        }
    }
}
