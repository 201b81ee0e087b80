package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real knot.jar run as a child process, the way an operator runs it: `java -jar knot.jar ...`, no extra flags. */
final class KnotProcess implements AutoCloseable {
    static final Path JAR = InstallGuide.repositoryRoot().resolve("knot-app/target/knot.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path out;
    private final Path err;

    private KnotProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts knot in {@code working} with a home directory of its own, and only the KNOT_* variables given (none from
     * the machine running the tests).
     */
    static KnotProcess start(Path java, Path working, Map<String, String> environment, String... arguments) {
        try {
            Path home = Files.createDirectories(working.resolveSibling(working.getFileName() + "-home"));
            Path logs = Files.createTempDirectory("knot-process");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Duser.home=" + home, "-jar", JAR.toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(working.toFile())
                    .redirectOutput(logs.resolve("out").toFile())
                    .redirectError(logs.resolve("err").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("KNOT_") || name.equals("NOMAD_DC"));
            builder.environment().put("HOME", home.toString());
            builder.environment().putAll(environment);
            return new KnotProcess(builder.start(), logs.resolve("out"), logs.resolve("err"));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** GET /health, or -1 when nothing answers yet. */
    static int healthStatus(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().equals("OK") ? 200 : response.statusCode();
        }
        catch (IOException notListening) {
            return -1;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Writes {@code text} to knot's standard input and closes it, as `echo ... | knot ...` would. */
    void writeInput(String text) {
        try (OutputStream input = process.getOutputStream()) {
            input.write(text.getBytes(UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Nomad and systemd stop a service. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown code runs. */
    void kill() {
        process.destroyForcibly();
    }

    /** The exit code; fails the test if the process is still running after the timeout. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("knot did not exit within " + timeout + "; stderr:\n" + err());
            }
            return process.exitValue();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
