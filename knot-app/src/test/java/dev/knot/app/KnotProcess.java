package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The real knot.jar run as a child process, the way an operator runs it: `java -jar knot.jar ...`, no extra flags. */
final class KnotProcess implements AutoCloseable {
    static final Path JAR = InstallGuide.repositoryRoot().resolve("knot-app/target/knot.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Like Nomad's health check with {@code tls_skip_verify}: any certificate, any name. */
    private static final SSLContext TRUST_ANY = trustAny();
    private static final HttpClient HTTPS = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TRUST_ANY)
            .build();

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

    /** GET http://…/health, or -1 when nothing answers yet (or it answers only TLS). */
    static int healthStatus(int port) {
        return healthStatus(HTTP, URI.create("http://127.0.0.1:" + port + "/health"));
    }

    /** GET https://…/health trusting any certificate, as the install guide's Nomad check does; -1 when nothing answers. */
    static int httpsHealthStatus(int port) {
        return healthStatus(HTTPS, URI.create("https://127.0.0.1:" + port + "/health"));
    }

    /** The certificate chain knot presents on the port, taken from a handshake that trusts anything. */
    static List<X509Certificate> presentedCertificates(int port) {
        try (SSLSocket socket = (SSLSocket) TRUST_ANY.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : socket.getSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static int healthStatus(HttpClient client, URI health) {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
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

    /** knot's standard input, for a test that feeds it bit by bit; closing it is the end of input. */
    OutputStream input() {
        return process.getOutputStream();
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

    private static SSLContext trustAny() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnyServer()}, null);
            return context;
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** An extended trust manager, so that the HTTP client skips its host name check too. */
    private static final class TrustAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
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
