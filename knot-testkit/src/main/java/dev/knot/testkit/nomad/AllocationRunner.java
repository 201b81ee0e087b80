package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The simulator's scheduler and client in one: places allocations, runs raw_exec tasks as local processes and
 * reports their state; other drivers leave the task pending. Placement and kills run on one thread, in order.
 */
final class AllocationRunner implements AutoCloseable {
    private static final Duration MAX_KILL_WAIT = Duration.ofSeconds(5);

    private final ClusterState state;
    private final Path baseDirectory;
    private final ExecutorService scheduler = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nomad-simulator-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    AllocationRunner(ClusterState state, Path baseDirectory) {
        this.state = state;
        this.baseDirectory = baseDirectory;
    }

    /** Places the job's allocations and starts them, after the register call has answered (as Nomad's eval). */
    void place(String namespace, String jobId) {
        scheduler.execute(() -> state.place(namespace, jobId, baseDirectory, Instant.now()).forEach(this::start));
    }

    void stop(List<Allocation> allocations) {
        scheduler.execute(() -> allocations.forEach(this::kill));
    }

    /** The PIDs of the processes the simulator runs now (raw_exec tasks, not their children). */
    List<Long> runningProcessIds() {
        List<Long> result = new ArrayList<>();
        processes.values().stream().filter(Process::isAlive).forEach(process -> result.add(process.pid()));
        return result;
    }

    private void start(Allocation allocation) {
        JsonNode group = groupOf(allocation);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode network : group.path("Networks")) {
            network.path("ReservedPorts").forEach(port -> ports.put(port.path("Label").asText(),
                    port.path("Value").asInt()));
            network.path("DynamicPorts").forEach(port -> ports.put(port.path("Label").asText(), freePort()));
        }
        state.update(allocation, Instant.now(), changed -> changed.hostPorts.putAll(ports));
        for (JsonNode task : group.path("Tasks")) {
            startTask(allocation, group, task);
        }
    }

    private void startTask(Allocation allocation, JsonNode group, JsonNode task) {
        String name = task.path("Name").asText();
        String driver = task.path("Driver").asText();
        if (!driver.equals("raw_exec")) {
            event(allocation, name, "Driver", "driver \"" + driver
                    + "\" is not available in the Nomad simulator (only raw_exec tasks run)");
            return;
        }
        Path taskDirectory = allocation.directory.resolve(name);
        RuntimeVariables runtime = RuntimeVariables.of(allocation, group, task, taskDirectory);
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(runtime.asMap());
        List<String> commandLine = new ArrayList<>();
        try {
            for (String directory : List.of("alloc/logs", "alloc/data", "alloc/tmp", name + "/local",
                    name + "/secrets", name + "/tmp")) {
                Files.createDirectories(allocation.directory.resolve(directory));
            }
            task.path("Env").properties().forEach(variable -> environment.put(variable.getKey(),
                    runtime.interpolate(variable.getValue().asText(), environment)));
            event(allocation, name, "Task Setup", "Building Task Directory");
            writeTemplates(task, taskDirectory, runtime, environment);
            commandLine.add(runtime.interpolate(task.path("Config").path("command").asText(), environment));
            task.path("Config").path("args").forEach(argument -> commandLine.add(
                    runtime.interpolate(argument.asText(), environment)));
        } catch (IOException failure) {
            fail(allocation, name, "failed to build task directory: " + failure.getMessage());
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(taskDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path logs = allocation.directory.resolve("alloc/logs");
        builder.redirectOutput(logs.resolve(name + ".stdout.0").toFile());
        builder.redirectError(logs.resolve(name + ".stderr.0").toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException failure) {
            fail(allocation, name, launchFailure(commandLine.get(0)));
            return;
        }
        processes.put(allocation.id + "/" + name, process);
        state.update(allocation, Instant.now(), changed -> {
            TaskState taskState = changed.tasks.get(name);
            taskState.event(Instant.now(), "Started", "Task started by client", null, false);
            taskState.started(Instant.now());
        });
        process.onExit().thenAccept(exited -> exited(allocation, name, exited.exitValue()));
    }

    private static void writeTemplates(JsonNode task, Path taskDirectory, RuntimeVariables runtime,
            Map<String, String> environment) throws IOException {
        for (JsonNode template : task.path("Templates")) {
            Path destination = taskDirectory.resolve(runtime.interpolate(template.path("DestPath").asText(),
                    environment));
            Files.createDirectories(destination.getParent());
            String rendered = runtime.renderTemplate(template.path("EmbeddedTmpl").asText(), environment);
            Files.writeString(destination, rendered, StandardCharsets.UTF_8);
            if (template.path("Envvars").asBoolean(false)) {
                rendered.lines().filter(line -> line.contains("=") && !line.startsWith("#")).forEach(line ->
                        environment.put(line.substring(0, line.indexOf('=')).trim(),
                                line.substring(line.indexOf('=') + 1).trim()));
            }
        }
    }

    /** Worded like Nomad's executor errors, so that what a user sees in the UI looks familiar. */
    private static String launchFailure(String command) {
        String cause = command.contains("/") ? "stat " + command + ": no such file or directory"
                : "exec: \"" + command + "\": executable file not found in $PATH";
        return "failed to launch command with executor: rpc error: code = Unknown desc = " + cause;
    }

    private void event(Allocation allocation, String task, String type, String message) {
        state.update(allocation, Instant.now(), changed -> changed.tasks.get(task)
                .event(Instant.now(), type, message, null, false));
    }

    private void fail(Allocation allocation, String task, String message) {
        state.update(allocation, Instant.now(), changed -> {
            TaskState taskState = changed.tasks.get(task);
            taskState.event(Instant.now(), "Driver Failure", message, null, true);
            taskState.event(Instant.now(), "Not Restarting", "Error was unrecoverable", null, true);
            taskState.dead(Instant.now(), true);
        });
    }

    private void exited(Allocation allocation, String task, int exitCode) {
        processes.remove(allocation.id + "/" + task);
        state.update(allocation, Instant.now(), changed -> {
            TaskState taskState = changed.tasks.get(task);
            if (changed.desiredStatus.equals("stop")) {
                taskState.event(Instant.now(), "Killed", "Task successfully killed", null, false);
                taskState.dead(Instant.now(), false);
            } else {
                taskState.event(Instant.now(), "Terminated", "Exit Code: " + exitCode, exitCode, false);
                if (exitCode != 0) {
                    taskState.event(Instant.now(), "Not Restarting",
                            "Restarts are not simulated: the task failed", null, true);
                }
                taskState.dead(Instant.now(), exitCode != 0);
            }
        });
    }

    private void kill(Allocation allocation) {
        state.update(allocation, Instant.now(), changed -> {
            changed.desiredStatus = "stop";
            changed.desiredDescription = "alloc not needed due to job update";
            changed.tasks.values().forEach(task -> {
                if (task.state().equals("running")) {
                    task.event(Instant.now(), "Killing", "Sent interrupt. Waiting 5s before force killing", null,
                            false);
                } else if (task.state().equals("pending")) {
                    task.dead(Instant.now(), false);
                }
            });
        });
        processes.forEach((key, process) -> {
            if (key.startsWith(allocation.id + "/")) {
                killTree(process, MAX_KILL_WAIT);
            }
        });
    }

    /** SIGTERM to the task and every descendant (collected first: they are re-parented once it dies), then KILL. */
    private static void killTree(Process process, Duration wait) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + wait.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillAlive) {
                handle.destroyForcibly();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    private static JsonNode groupOf(Allocation allocation) {
        for (JsonNode group : allocation.job.path("TaskGroups")) {
            if (group.path("Name").asText().equals(allocation.groupName)) {
                return group;
            }
        }
        throw new IllegalStateException("allocation " + allocation.id + " has no group " + allocation.groupName);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException("no free port on 127.0.0.1", failure);
        }
    }

    /** Kills everything the simulator started and removes the allocation directories. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(MAX_KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        processes.values().forEach(process -> killTree(process, Duration.ofSeconds(1)));
        processes.clear();
        try (Stream<Path> paths = Files.walk(baseDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless; the processes are what must not outlive the simulator.
        }
    }
}
