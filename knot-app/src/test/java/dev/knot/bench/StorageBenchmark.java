package dev.knot.bench;

import static java.lang.String.format;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.knot.adapter.embedded.EmbeddedConfig;
import dev.knot.adapter.embedded.EmbeddedStorageModule;
import dev.knot.adapter.mysql.MysqlCacheModule;
import dev.knot.adapter.mysql.MysqlConfig;
import dev.knot.adapter.mysql.MysqlStorageModule;
import dev.knot.adapter.redis.RedisCacheModule;
import dev.knot.adapter.redis.RedisConfig;
import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.User;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.runtime.ManagedService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The storage benchmark's load driver (bench/storage.sh runs it; test scope, never in the product jar): agent-state
 * saves and session lookups by secret hash per second against one backend, through the same adapters the server
 * uses, with N threads each calling the port in a closed loop for a fixed time after a warm-up. Prints one
 * tab-separated line per case: backend, case, threads, operations, ops/s, p50 µs, p99 µs.
 *
 * <p>Usage: {@code StorageBenchmark <embedded|mysql|redis> <threads,threads,...> <seconds> <warm-up seconds>}, with
 * {@code -Dbench.embedded.path}, {@code -Dbench.mysql.database} (and host/port/user), {@code -Dbench.redis.host} and
 * {@code -Dbench.redis.prefix} naming where to write.
 */
public final class StorageBenchmark {
    private static final Key<Set<ManagedService>> SERVICES = Key.get(new TypeLiteral<Set<ManagedService>>() {});
    /** About the running spaces of a large single server; each save replaces one of them, as agents do. */
    private static final int SPACES = 1_000;
    /** Live sessions to look up among. */
    private static final int SESSIONS = 10_000;
    /** A thread records at most this many latencies (80 MB); beyond it, ops still count but are not timed. */
    private static final int MAXIMUM_SAMPLES = 10_000_000;

    private final PrintStream out;

    private StorageBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] arguments) throws InterruptedException {
        if (arguments.length != 4) {
            throw new IllegalArgumentException(
                    "usage: StorageBenchmark <embedded|mysql|redis> <threads,...> <seconds> <warm-up seconds>");
        }
        String backend = arguments[0];
        List<Integer> threadCounts = new ArrayList<>();
        for (String count : arguments[1].split(",")) {
            threadCounts.add(Integer.parseInt(count.strip()));
        }
        Duration measured = Duration.ofSeconds(Long.parseLong(arguments[2]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(arguments[3]));
        new StorageBenchmark(System.out).run(backend, threadCounts, measured, warmUp);
    }

    private void run(String backend, List<Integer> threadCounts, Duration measured, Duration warmUp)
            throws InterruptedException {
        Clock clock = Instant::now;
        Injector injector = Guice.createInjector(binder -> binder.bind(Clock.class).toInstance(clock),
                module(backend, threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1)));
        List<ManagedService> services = List.copyOf(injector.getInstance(SERVICES));
        services.forEach(ManagedService::start);
        try {
            AgentStateStore agents = injector.getInstance(AgentStateStore.class);
            SessionStore sessions = injector.getInstance(SessionStore.class);
            List<AgentState> states = agentStates(clock);
            List<String> secretHashes = savedSessions(sessions, clock);
            for (int threads : threadCounts) {
                report(backend, "agent-state save", threads, measure(threads, warmUp, measured,
                        operation -> agents.save(states.get((int) (operation % SPACES)))));
            }
            for (int threads : threadCounts) {
                report(backend, "session lookup", threads, measure(threads, warmUp, measured, operation -> {
                    String hash = secretHashes.get(ThreadLocalRandom.current().nextInt(SESSIONS));
                    if (sessions.findBySecretHash(hash).isEmpty()) {
                        throw new IllegalStateException("a saved session was not found");
                    }
                }));
            }
        } finally {
            services.forEach(ManagedService::close);
        }
    }

    private static Module module(String backend, int threads) {
        return switch (backend) {
            case "embedded" -> new EmbeddedStorageModule(new EmbeddedConfig(Path.of(property("bench.embedded.path"))));
            case "mysql" -> binder -> {
                MysqlConfig config = MysqlConfig.withDefaultTimeouts(
                        System.getProperty("bench.mysql.host", "127.0.0.1"),
                        Integer.getInteger("bench.mysql.port", 3306),
                        System.getProperty("bench.mysql.user", "root"),
                        System.getProperty("bench.mysql.password", ""),
                        property("bench.mysql.database"), threads, Math.max(threads, 2), Duration.ofMinutes(5));
                binder.install(new MysqlStorageModule(config));
                binder.install(new MysqlCacheModule());
            };
            case "redis" -> new RedisCacheModule(RedisConfig.of(
                    List.of(System.getProperty("bench.redis.host", "127.0.0.1:6379")), "", 0, "",
                    property("bench.redis.prefix")));
            default -> throw new IllegalArgumentException("unknown backend " + backend + ": embedded, mysql or redis");
        };
    }

    private static String property(String name) {
        String value = System.getProperty(name, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("-D" + name + " is required");
        }
        return value;
    }

    /** What an agent reports every 2 s: a few ports, hashes of realistic length; expiry beyond the run. */
    private static List<AgentState> agentStates(Clock clock) {
        List<AgentState> states = new ArrayList<>(SPACES);
        Instant expiry = clock.now().plus(Duration.ofHours(1));
        for (int i = 0; i < SPACES; i++) {
            Id<Space> spaceId = Id.of(UUID.randomUUID().toString());
            states.add(new AgentState(spaceId, "0.9.0", randomHash(), "10.0.0." + (i % 250) + ":3000", true, 22,
                    5900, true, Map.of(5432, "postgres"), Map.of(8080, "web", 3000, "app"), expiry));
        }
        return states;
    }

    private static List<String> savedSessions(SessionStore sessions, Clock clock) {
        List<String> hashes = new ArrayList<>(SESSIONS);
        Instant now = clock.now();
        for (int i = 0; i < SESSIONS; i++) {
            String hash = randomHash();
            Id<User> userId = Id.of(UUID.randomUUID().toString());
            sessions.save(new Session(Id.of(UUID.randomUUID().toString()), hash, userId, "10.1.2.3",
                    "Mozilla/5.0 (X11; Linux x86_64) benchmark", now, now.plus(Duration.ofHours(2))));
            hashes.add(hash);
        }
        return hashes;
    }

    private static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One operation of a case; {@code operation} counts the calling thread's operations. */
    @FunctionalInterface
    private interface Operation {
        void run(long operation);
    }

    private static Result measure(int threads, Duration warmUp, Duration measured, Operation operation)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker(operation, measureFrom, end, i * 7919L);
            workers.add(worker);
            worker.start();
        }
        for (Worker worker : workers) {
            worker.join();
        }
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("an operation failed", worker.failure);
            }
        }
        return Result.of(workers, measured);
    }

    private void report(String backend, String name, int threads, Result result) {
        out.println(format("%s\t%s\t%d\t%d\t%.0f\t%.1f\t%.1f", backend, name, threads, result.operations(),
                result.perSecond(), result.p50Micros(), result.p99Micros()));
        out.flush();
    }

    /** A thread calling the operation until the end, timing the calls made after the warm-up. */
    private static final class Worker extends Thread {
        private final Operation operation;
        private final long measureFrom;
        private final long end;
        private final long firstOperation;
        private long[] latencies = new long[1 << 16];
        private int samples;
        private long measuredOperations;
        private volatile Throwable failure;

        Worker(Operation operation, long measureFrom, long end, long firstOperation) {
            this.operation = operation;
            this.measureFrom = measureFrom;
            this.end = end;
            this.firstOperation = firstOperation;
        }

        @Override
        public void run() {
            try {
                long count = firstOperation;
                long now = System.nanoTime();
                while (now < end) {
                    operation.run(count++);
                    long after = System.nanoTime();
                    if (now >= measureFrom) {
                        record(after - now);
                    }
                    now = after;
                }
            } catch (RuntimeException | Error failed) {
                failure = failed;
            }
        }

        private void record(long nanos) {
            measuredOperations++;
            if (samples == MAXIMUM_SAMPLES) {
                return;
            }
            if (samples == latencies.length) {
                long[] larger = new long[Math.min(latencies.length * 2, MAXIMUM_SAMPLES)];
                System.arraycopy(latencies, 0, larger, 0, samples);
                latencies = larger;
            }
            latencies[samples++] = nanos;
        }
    }

    /** One case's outcome over all its threads. */
    private record Result(long operations, double perSecond, double p50Micros, double p99Micros) {
        static Result of(List<Worker> workers, Duration measured) {
            long operations = 0;
            int samples = 0;
            for (Worker worker : workers) {
                operations += worker.measuredOperations;
                samples += worker.samples;
            }
            long[] all = new long[samples];
            int at = 0;
            for (Worker worker : workers) {
                System.arraycopy(worker.latencies, 0, all, at, worker.samples);
                at += worker.samples;
            }
            Arrays.sort(all);
            double seconds = measured.toNanos() / 1e9;
            return new Result(operations, operations / seconds, percentile(all, 0.50), percentile(all, 0.99));
        }

        private static double percentile(long[] sorted, double fraction) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1_000.0;
        }
    }
}
