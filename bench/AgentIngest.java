import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the agent-ingest benchmark (bench/agent-ingest.sh starts the server and runs this with
 * `java bench/AgentIngest.java`, no build step). JDK only.
 *
 * <p>Setup, through the server's API: the first admin, a login, N spaces of the Manual template and the registration
 * key of each (GET /api/v1/spaces/{id}/agent-key, as the owner of a hand-installed agent reads it). Load: N simulated
 * agents; agent i's requests are due at t0 + i·period/N + k·period, so they are spread evenly over each period. An
 * agent's first request is its registration (POST /api/v1/agents/{id}) and every later one a state report
 * (PUT …/status), as a real agent does; an agent whose report is refused with 401 registers again at its next turn.
 * Requests go over a fixed pool of HTTP/1.1 keep-alive connections, one thread each, plain sockets (no client
 * library between the timer and the wire). Latency is measured from the time a report was due, so time it waited
 * for a free connection counts (no coordinated omission); the time on the wire alone is printed beside it.
 *
 * <p>Measured over [t0 + warm-up, t0 + warm-up + window): reports sent and answered, latency percentiles, errors,
 * the CPU time of the server process and of this process (/proc/{pid}/stat utime+stime), the machine's busy CPU
 * (/proc/stat), the server's own "agent reports: … received, … written" log lines, and optionally the deltas of
 * `redis-cli INFO commandstats`.
 */
public final class AgentIngest {
    private static final Pattern SPACE_ID = Pattern.compile("\"space_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REGISTRATION_KEY = Pattern.compile("\"registration_key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LOG_LINE =
            Pattern.compile("agent reports: (\\d+) received, (\\d+) written \\((\\d+) s\\)");
    /** Not a command: the key under which the Redis server's CPU time rides along with the command counts. */
    private static final String REDIS_CPU_MILLIS = "~cpu-ms";
    private static final String MANUAL_TEMPLATE = "00000000-0000-0000-0000-000000000000";
    private static final String REPORT_BODY = "{\"agent_version\":\"bench\",\"has_code_server\":false,\"ssh_port\":0,"
            + "\"vnc_http_port\":0,\"has_terminal\":true,\"tcp_ports\":{},\"http_ports\":{\"8080\":\"web\"}}";

    public static void main(String[] args) throws Exception {
        try {
            Options options = Options.parse(args);
            String bearer = setUp(options);
            List<Agent> agents = createSpaces(options, bearer);
            new Load(options, agents).run();
        } catch (Exception failure) {
            failure.printStackTrace();
            System.exit(1); // the setup's and the load's threads must not keep the JVM (and the script) waiting
        }
    }

    // ---------------------------------------------------------------- options

    record Options(String host, int port, int agents, double periodSeconds, int warmupSeconds, int windowSeconds,
            int connections, long serverPid, Path serverLog, String redisCli, String label, int clockTicks) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(values.getOrDefault("host", "127.0.0.1"), Integer.parseInt(required(values, "port")),
                    Integer.parseInt(values.getOrDefault("agents", "500")),
                    Double.parseDouble(values.getOrDefault("period", "2")),
                    Integer.parseInt(values.getOrDefault("warmup", "10")),
                    Integer.parseInt(values.getOrDefault("window", "60")),
                    Integer.parseInt(values.getOrDefault("connections", "32")),
                    Long.parseLong(values.getOrDefault("server-pid", "0")),
                    values.containsKey("server-log") ? Path.of(values.get("server-log")) : null,
                    values.getOrDefault("redis-cli", ""), values.getOrDefault("label", "knot"),
                    Integer.parseInt(values.getOrDefault("clock-ticks", "100")));
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }
    }

    // ---------------------------------------------------------------- setup

    /** First admin (the server must have no user yet) and a login; returns the session token. */
    private static String setUp(Options options) throws IOException {
        String password = "bench-" + Long.toHexString(System.nanoTime()) + "-password";
        try (Connection connection = new Connection(options.host(), options.port())) {
            Response created = connection.send("POST", "/api/v1/users", null,
                    "{\"username\":\"admin\",\"email\":\"admin@bench.example\",\"password\":\"" + password + "\"}");
            expect(created, "creating the first admin", 200, 201);
            Response login = connection.send("POST", "/api/v1/auth", null,
                    "{\"email\":\"admin@bench.example\",\"password\":\"" + password + "\"}");
            expect(login, "logging in", 200);
            return find(TOKEN, login, "logging in");
        }
    }

    /** N spaces of the Manual template and their agents' registration keys, made over a few connections at once. */
    private static List<Agent> createSpaces(Options options, String bearer) throws Exception {
        long started = System.nanoTime();
        String[] ids = new String[options.agents()];
        String[] keys = new String[options.agents()];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(8, options.agents());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Connection connection = new Connection(options.host(), options.port())) {
                    for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                        Response created = connection.send("POST", "/api/v1/spaces", bearer, String.format(
                                "{\"name\":\"bench-%05d\",\"template_id\":\"%s\",\"agent_url\":\"http://127.0.0.1:1\","
                                        + "\"shell\":\"bash\"}", i, MANUAL_TEMPLATE));
                        expect(created, "creating space " + i, 200, 201);
                        ids[i] = find(SPACE_ID, created, "creating space " + i);
                        Response key = connection.send("GET", "/api/v1/spaces/" + ids[i] + "/agent-key", bearer, "");
                        expect(key, "reading the agent key of space " + i, 200);
                        keys[i] = find(REGISTRATION_KEY, key, "reading the agent key of space " + i);
                    }
                }
                return null;
            }));
        }
        for (Future<Void> future : done) {
            future.get();
        }
        pool.shutdown();
        System.err.printf("setup: %d spaces in %.1f s%n", ids.length, (System.nanoTime() - started) / 1e9);
        List<Agent> agents = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            agents.add(new Agent(ids[i], keys[i], 10_000 + i % 50_000));
        }
        return agents;
    }

    private static void expect(Response response, String what, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
    }

    private static String find(Pattern pattern, Response response, String what) {
        Matcher matcher = pattern.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException(what + ": no " + pattern + " in " + response.body());
        }
        return matcher.group(1);
    }

    // ---------------------------------------------------------------- load

    /**
     * One simulated agent: its space and registration key, its access token once registered, whether a request of
     * its is in flight.
     */
    static final class Agent {
        final String spaceId;
        final String registrationKey;
        final String address;
        volatile String accessToken;
        final AtomicBoolean busy = new AtomicBoolean();

        Agent(String spaceId, String registrationKey, int port) {
            this.spaceId = spaceId;
            this.registrationKey = registrationKey;
            this.address = "127.0.0.1:" + port;
        }
    }

    record Due(Agent agent, long dueNanos) {}

    /** What one connection's thread saw during the window. */
    static final class Samples {
        long[] fromDue = new long[1 << 14];
        long[] onWire = new long[1 << 14];
        int count;
        /** The longest latency from due time of the reports due in each second of the window, to spot stalls. */
        final long[] worstPerSecond;

        Samples(int windowSeconds) {
            worstPerSecond = new long[windowSeconds];
        }

        void add(int second, long fromDueMicros, long onWireMicros) {
            if (count == fromDue.length) {
                fromDue = Arrays.copyOf(fromDue, count * 2);
                onWire = Arrays.copyOf(onWire, count * 2);
            }
            fromDue[count] = fromDueMicros;
            onWire[count] = onWireMicros;
            count++;
            worstPerSecond[second] = Math.max(worstPerSecond[second], fromDueMicros);
        }
    }

    static final class Load {
        private final Options options;
        private final List<Agent> agents;
        private final BlockingQueue<Due> queue;
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final LongAdder skipped = new LongAdder();
        private final LongAdder registrations = new LongAdder();
        private final List<Samples> samples = new ArrayList<>();
        private volatile boolean stopping;
        private long windowStart;
        private long windowEnd;

        Load(Options options, List<Agent> agents) {
            this.options = options;
            this.agents = agents;
            this.queue = new ArrayBlockingQueue<>(Math.max(1024, agents.size() * 2));
        }

        void run() throws Exception {
            long periodNanos = (long) (options.periodSeconds() * 1e9);
            long t0 = System.nanoTime() + 500_000_000L;
            windowStart = t0 + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
            windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.windowSeconds());

            List<Thread> workers = new ArrayList<>();
            for (int c = 0; c < options.connections(); c++) {
                Samples mine = new Samples(options.windowSeconds());
                samples.add(mine);
                Thread worker = new Thread(() -> work(mine), "connection-" + c);
                worker.start();
                workers.add(worker);
            }
            Snapshot before = null;
            boolean windowOpen = false;
            int n = agents.size();
            // Dispatch: walk the timeline, handing each due request to the queue the connections take from.
            for (long tick = 0; ; tick++) {
                long tickStart = t0 + tick * periodNanos;
                if (tickStart >= windowEnd) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    long due = tickStart + periodNanos * i / n;
                    if (!windowOpen && due >= windowStart) {
                        waitUntil(windowStart);
                        before = Snapshot.take(options);
                        windowOpen = true;
                    }
                    if (due >= windowEnd) {
                        break;
                    }
                    waitUntil(due);
                    Agent agent = agents.get(i);
                    if (!agent.busy.compareAndSet(false, true)) {
                        if (due >= windowStart) {
                            // Its previous request is still queued or on the wire; a real agent would not send a
                            // second one either (it reports, waits for the answer, sleeps, reports again).
                            skipped.increment();
                        }
                        continue;
                    }
                    queue.put(new Due(agent, due));
                }
            }
            waitUntil(windowEnd);
            Snapshot after = Snapshot.take(options);
            stopping = true;
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(15));
            }
            report(before, after);
            System.exit(0); // workers stuck on a dead connection must not keep the JVM alive
        }

        private static void waitUntil(long deadline) {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, 1_000_000L));
            }
        }

        private void work(Samples mine) {
            Connection connection = null;
            while (true) {
                Due due;
                try {
                    due = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
                if (due == null) {
                    if (stopping) {
                        close(connection);
                        return;
                    }
                    continue;
                }
                Agent agent = due.agent();
                boolean inWindow = due.dueNanos() >= windowStart && due.dueNanos() < windowEnd;
                try {
                    if (connection == null) {
                        connection = new Connection(options.host(), options.port());
                    }
                    String token = agent.accessToken;
                    if (token == null) {
                        Response registered = connection.send("POST", "/api/v1/agents/" + agent.spaceId, null,
                                "{\"address\":\"" + agent.address + "\",\"agent_version\":\"bench\","
                                        + "\"registration_key\":\"" + agent.registrationKey + "\"}");
                        registrations.increment();
                        if (registered.status() == 200) {
                            agent.accessToken = find(ACCESS_TOKEN, registered, "registration");
                        } else if (inWindow) {
                            error("registration " + registered.status());
                        }
                    } else {
                        long sent = System.nanoTime();
                        Response answer = connection.send("PUT", "/api/v1/agents/" + agent.spaceId + "/status",
                                token, REPORT_BODY);
                        long answered = System.nanoTime();
                        if (answer.status() == 401) {
                            agent.accessToken = null; // state lapsed: register again at the next turn
                        }
                        if (inWindow) {
                            if (answer.status() == 200) {
                                mine.add((int) ((due.dueNanos() - windowStart) / 1_000_000_000L),
                                        (answered - due.dueNanos()) / 1000, (answered - sent) / 1000);
                            } else {
                                error("report " + answer.status());
                            }
                        }
                    }
                    if (connection.closedByServer()) {
                        close(connection);
                        connection = null;
                    }
                } catch (IOException | RuntimeException failure) {
                    if (inWindow) {
                        error(failure.getClass().getSimpleName());
                    }
                    close(connection);
                    connection = null;
                } finally {
                    agent.busy.set(false);
                }
            }
        }

        private void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        private static void close(Connection connection) {
            if (connection != null) {
                connection.close();
            }
        }

        private void report(Snapshot before, Snapshot after) throws IOException {
            int total = samples.stream().mapToInt(s -> s.count).sum();
            long[] fromDue = new long[total];
            long[] onWire = new long[total];
            int at = 0;
            for (Samples s : samples) {
                System.arraycopy(s.fromDue, 0, fromDue, at, s.count);
                System.arraycopy(s.onWire, 0, onWire, at, s.count);
                at += s.count;
            }
            Arrays.sort(fromDue);
            Arrays.sort(onWire);
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
            double serverCpu = 100.0 * (after.serverTicks() - before.serverTicks()) / options.clockTicks() / seconds;
            double generatorCpu =
                    100.0 * (after.generatorTicks() - before.generatorTicks()) / options.clockTicks() / seconds;
            double machineBusy = after.machineBusyPercent(before);

            LogTotals log = LogTotals.read(options.serverLog(), before.logOffset(), after.logOffset());
            Map<String, Long> redis = new TreeMap<>();
            after.redisCalls().forEach((command, calls) -> {
                long delta = calls - before.redisCalls().getOrDefault(command, 0L);
                if (delta > 0 && !command.equals(REDIS_CPU_MILLIS)) {
                    redis.put(command, delta);
                }
            });
            double redisCpu = after.redisCalls().containsKey(REDIS_CPU_MILLIS)
                    ? (after.redisCalls().get(REDIS_CPU_MILLIS) - before.redisCalls().get(REDIS_CPU_MILLIS)) / 10.0
                            / seconds
                    : -1;

            System.out.printf("%s, %d agents every %.1f s over %d connections; window %.1f s after %d s warm-up%n",
                    options.label(), agents.size(), options.periodSeconds(), options.connections(), seconds,
                    options.warmupSeconds());
            System.out.printf("  reports answered 200: %d (%.0f/s; expected %.0f/s)%n", total, total / seconds,
                    agents.size() / options.periodSeconds());
            System.out.printf("  latency from due time: p50 %s  p99 %s  max %s%n", ms(fromDue, 0.50),
                    ms(fromDue, 0.99), ms(fromDue, 1.0));
            System.out.printf("  latency on the wire:   p50 %s  p99 %s  max %s%n", ms(onWire, 0.50),
                    ms(onWire, 0.99), ms(onWire, 1.0));
            System.out.printf("  worst latency by second of the window (ms): %s%n", worstSeconds());
            System.out.printf("  errors: %d %s; dropped (the agent's previous request still unanswered at its next "
                    + "turn): %d; registrations overall: %d%n", errorCount, errorSummary(), skipped.sum(),
                    registrations.sum());
            System.out.printf("  CPU, %% of one core: server %.1f, generator %.1f; machine busy %.0f%% of %d cores%n",
                    serverCpu, generatorCpu, machineBusy, Snapshot.machineCores());
            System.out.printf("  server log: %s%n", log.describe());
            if (!redis.isEmpty()) {
                System.out.printf("  redis-server CPU: %.1f %% of one core (INFO cpu, whole server)%n", redisCpu);
                System.out.printf("  redis commandstats delta (whole server): %s%n", redis.entrySet().stream()
                        .map(e -> String.format("%s %d (%.0f/s)", e.getKey(), e.getValue(), e.getValue() / seconds))
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            }
            // One machine-readable line for the script: label N reports/s p50 p99 serverCPU writes/s errors dropped
            // genCPU redisWrites/s machineBusy
            // knot writes a record with one Lua script run (EVALSHA); the SET and GET inside it are counted too.
            long redisWrites = redis.entrySet().stream().filter(e -> e.getKey().startsWith("eval"))
                    .mapToLong(Map.Entry::getValue).sum();
            System.out.printf("RESULT\t%s\t%d\t%.0f\t%s\t%s\t%.1f\t%s\t%d\t%d\t%.1f\t%s\t%.0f%n", options.label(),
                    agents.size(), total / seconds, ms(fromDue, 0.50), ms(fromDue, 0.99), serverCpu,
                    log.writesPerSecond(), errorCount, skipped.sum(), generatorCpu,
                    redis.isEmpty() ? "-" : String.format("%.0f", redisWrites / seconds), machineBusy);
        }

        /** The three seconds of the window whose reports waited longest: a stall shows as one or two seconds. */
        private String worstSeconds() {
            long[] worst = new long[options.windowSeconds()];
            for (Samples s : samples) {
                for (int second = 0; second < worst.length; second++) {
                    worst[second] = Math.max(worst[second], s.worstPerSecond[second]);
                }
            }
            Integer[] seconds = new Integer[worst.length];
            for (int second = 0; second < seconds.length; second++) {
                seconds[second] = second;
            }
            Arrays.sort(seconds, (a, b) -> Long.compare(worst[b], worst[a]));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.min(3, seconds.length); i++) {
                text.append(i > 0 ? ", " : "").append(String.format("+%d s: %.0f", seconds[i],
                        worst[seconds[i]] / 1000.0));
            }
            return text.toString();
        }

        private String errorSummary() {
            if (errors.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder("(");
            errors.forEach((kind, count) -> text.append(text.length() > 1 ? ", " : "").append(kind).append(": ")
                    .append(count.sum()));
            return text.append(')').toString();
        }

        private static String ms(long[] sortedMicros, double quantile) {
            if (sortedMicros.length == 0) {
                return "-";
            }
            int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(quantile * sortedMicros.length) - 1);
            return String.format("%.2f", sortedMicros[Math.max(0, index)] / 1000.0);
        }
    }

    // ---------------------------------------------------------------- measurements

    record Snapshot(long nanos, long serverTicks, long generatorTicks, long[] machine, long logOffset,
            Map<String, Long> redisCalls) {
        static Snapshot take(Options options) {
            return new Snapshot(System.nanoTime(), processTicks(options.serverPid()),
                    processTicks(ProcessHandle.current().pid()), machineTicks(), logLength(options.serverLog()),
                    redisCalls(options.redisCli()));
        }

        double machineBusyPercent(Snapshot before) {
            long total = 0;
            long idle = 0;
            for (int i = 0; i < machine.length; i++) {
                long delta = machine[i] - before.machine[i];
                total += delta;
                if (i == 3 || i == 4) { // idle, iowait
                    idle += delta;
                }
            }
            return total == 0 ? 0 : 100.0 * (total - idle) / total;
        }

        /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/{pid}/stat). */
        private static long processTicks(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // The command name (field 2) may hold spaces; fields after it are counted from its closing ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException gone) {
                throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + gone.getMessage(), gone);
            }
        }

        private static long[] machineTicks() {
            try {
                String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
                return Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            } catch (IOException unreadable) {
                return new long[0];
            }
        }

        /** CPUs of the machine; availableProcessors() would count only the CPUs this process is pinned to. */
        static long machineCores() {
            try {
                return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*"))
                        .count();
            } catch (IOException unreadable) {
                return 0;
            }
        }

        private static long logLength(Path log) {
            try {
                return log == null ? 0 : Files.size(log);
            } catch (IOException unreadable) {
                return 0;
            }
        }

        private static Map<String, Long> redisCalls(String redisCli) {
            Map<String, Long> calls = new TreeMap<>();
            if (redisCli.isEmpty()) {
                return calls;
            }
            try {
                List<String> command = new ArrayList<>(List.of(redisCli.split(" ")));
                command.addAll(List.of("INFO", "cpu", "commandstats"));
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                Matcher matcher = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(output);
                while (matcher.find()) {
                    calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
                }
                // The Redis server's own CPU seconds (main thread and children), kept in milliseconds beside the calls.
                Matcher cpu = Pattern.compile("used_cpu_(sys|user):([0-9.]+)").matcher(output);
                long cpuMillis = 0;
                while (cpu.find()) {
                    cpuMillis += (long) (Double.parseDouble(cpu.group(2)) * 1000);
                }
                calls.put(REDIS_CPU_MILLIS, cpuMillis);
            } catch (IOException | InterruptedException failed) {
                System.err.println("redis-cli INFO commandstats failed: " + failed);
            }
            return calls;
        }
    }

    /** The server's periodic "agent reports: R received, W written (10 s)" lines logged during the window. */
    record LogTotals(long received, long written, long seconds, int lines) {
        static LogTotals read(Path log, long from, long to) throws IOException {
            if (log == null || to <= from) {
                return new LogTotals(0, 0, 0, 0);
            }
            byte[] part = new byte[(int) (to - from)];
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(from);
                file.readFully(part);
            }
            Matcher matcher = LOG_LINE.matcher(new String(part, StandardCharsets.UTF_8));
            long received = 0;
            long written = 0;
            long seconds = 0;
            int lines = 0;
            while (matcher.find()) {
                received += Long.parseLong(matcher.group(1));
                written += Long.parseLong(matcher.group(2));
                seconds += Long.parseLong(matcher.group(3));
                lines++;
            }
            return new LogTotals(received, written, seconds, lines);
        }

        String writesPerSecond() {
            return seconds == 0 ? "-" : String.format("%.0f", (double) written / seconds);
        }

        String describe() {
            if (lines == 0) {
                return "no \"agent reports\" line in the window";
            }
            return String.format("%d lines, %d received (%.0f/s), %d written (%.0f/s, %.1f%% of received)", lines,
                    received, (double) received / seconds, written, (double) written / seconds,
                    100.0 * written / Math.max(1, received));
        }
    }

    // ---------------------------------------------------------------- HTTP/1.1 over a plain socket

    record Response(int status, String body) {}

    /** One keep-alive HTTP/1.1 connection: a request, then its whole response, then the next request. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String hostHeader;
        private boolean closedByServer;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            hostHeader = host + ":" + port;
        }

        Response send(String method, String path, String bearer, String body) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                    .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(content.length);
            if (bearer != null) {
                head.append("\r\nAuthorization: Bearer ").append(bearer);
            }
            head.append("\r\n\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            out.write(request);
            out.flush();
            return read();
        }

        boolean closedByServer() {
            return closedByServer;
        }

        private Response read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase();
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closedByServer = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body); // no length: the body ends with the connection
                closedByServer = true;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(long length, ByteArrayOutputStream body) throws IOException {
            byte[] buffer = new byte[8192];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("connection closed in the middle of a body");
                }
                body.write(buffer, 0, read);
                left -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
