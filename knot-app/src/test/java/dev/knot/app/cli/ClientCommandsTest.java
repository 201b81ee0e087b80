package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.knot.app.config.ConfigEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client commands' command line; what they do against a server is tested in knot-client. */
class ClientCommandsTest {
    @TempDir
    Path working;

    @TempDir
    Path home;

    @Test
    void knotAloneListsTheClientCommands() {
        assertThat(run(Map.of()).out()).contains("connect", "ping", "ssh-config", "forward");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect", "ping", "ssh-config", "ssh-config update", "ssh-config remove", "forward",
        "forward ssh", "forward port"})
    void everyClientCommandHasHelp(String command) {
        CliRun help = run(Map.of(), (command + " --help").split(" "));

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: knot " + command, "--help");
    }

    @Test
    void theCommandsThatTalkToAServerTakeItsOptions() {
        for (String command : new String[] {"ping", "ssh-config update", "forward ssh", "forward port"}) {
            assertThat(run(Map.of(), (command + " --help").split(" ")).out())
                    .contains("--server", "--token", "--tls-skip-verify", "KNOT_SERVER", "KNOT_TOKEN");
        }
    }

    @Test
    void forwardPortSaysABarePortIsLoopbackOnly() {
        assertThat(run(Map.of(), "forward", "port", "--help").out().replaceAll("\\s+", " "))
                .contains("A bare port (8080 or :8080) listens on 127.0.0.1 only");
    }

    @Test
    void withoutAServerPingSaysWhereToGiveOne() {
        CliRun ping = run(Map.of(), "ping");

        assertThat(ping.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(ping.err()).startsWith("knot: no server: give --server, set KNOT_SERVER, or run `knot connect");
        assertThat(ping.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsACommandFailure() throws IOException {
        String server = "http://127.0.0.1:" + closedPort();

        CliRun ping = run(Map.of("KNOT_TOKEN", "t"), "ping", "-s", server);

        assertThat(ping.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(ping.err()).isEqualTo("knot: cannot reach " + server + ": connection refused"
                + System.lineSeparator());
    }

    @Test
    void theConfigOptionReachesNestedCommands() throws IOException {
        String server = "http://127.0.0.1:" + closedPort();
        Files.writeString(working.resolve("client.yml"), "client:\n  server: " + server + "\n  token: t\n");

        CliRun update = run(Map.of(), "ssh-config", "update", "-c", "client.yml");

        assertThat(update.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(update.err()).contains("cannot reach " + server);
    }

    @Test
    void sshConfigRemoveTakesOutTheBlockOfTheHomeDirectorysConfig() throws IOException {
        Path config = Files.createDirectories(home.resolve(".ssh")).resolve("config");
        Files.writeString(config, "Host a\n#===KNOT-START===\nHost knot.x\n#===KNOT-END===\n");

        CliRun removed = run(Map.of(), "ssh-config", "remove");
        CliRun again = run(Map.of(), "ssh-config", "remove");

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("Removed the knot block from " + config);
        assertThat(Files.readString(config)).isEqualTo("Host a\n");
        assertThat(again.out()).contains("has no knot block; nothing changed");
    }

    @Test
    void aMalformedServerAddressIsRefusedBeforeAnythingIsAsked() {
        CliRun connect = run(Map.of(), "connect", "ftp://knot.example.com");

        assertThat(connect.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(connect.err()).contains("the scheme must be https or http");
        assertThat(home.resolve(".knot.yml")).doesNotExist();
    }

    private CliRun run(Map<String, String> variables, String... arguments) {
        ConfigEnvironment environment = new ConfigEnvironment(variables, working, Optional.of(home), () -> "test-host");
        return CliRun.execute(environment, config -> fail("the server must not run"), arguments);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
