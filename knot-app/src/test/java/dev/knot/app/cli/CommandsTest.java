package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.knot.app.KnotVersion;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import dev.knot.app.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {
    private static final ServerRunner NOT_EXPECTED = config -> fail("the server must not run");

    @TempDir
    Path working;

    @Test
    void genkeyPrintsAKeyAndAnEmptyLine() {
        CliRun run = run("genkey");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("Encryption Key: [A-Za-z0-9]{32}\\R\\R");
    }

    @Test
    void genkeyMakesADifferentKeyEachTime() {
        assertThat(run("genkey").out()).isNotEqualTo(run("genkey").out());
    }

    @Test
    void versionAndDashDashVersionPrintTheBuildVersion() {
        assertThat(KnotVersion.get()).isNotBlank().doesNotContain("${");
        assertThat(run("version").out().trim()).isEqualTo(KnotVersion.get());
        assertThat(run("--version").out().trim()).isEqualTo(KnotVersion.get());
    }

    @Test
    void knotAloneAndScaffoldAlonePrintHelp() {
        assertThat(run().out()).contains("Usage: knot", "server", "genkey", "scaffold", "version");
        CliRun scaffold = run("scaffold");
        assertThat(scaffold.exitCode()).isZero();
        assertThat(scaffold.out()).contains("Usage: knot scaffold", "--nomad", "--server", "--agent", "--client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "genkey", "scaffold", "version"})
    void everyCommandHasHelp(String command) {
        CliRun run = run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: knot " + command, "--help");
    }

    @Test
    void scaffoldsPrintInTheOrderServerClientAgentNomad() {
        String out = run("scaffold", "--nomad", "--agent", "--client", "--server").out();

        int server = out.indexOf("# knot server configuration");
        int client = out.indexOf("client:\n  server:");
        int agent = out.indexOf("agent:\n  server:");
        int nomad = out.indexOf("job \"knot-server\"");
        assertThat(List.of(server, client, agent, nomad)).doesNotContain(-1).isSorted();
    }

    @Test
    void theNomadAndServerScaffoldsCarryAFreshKey() {
        String nomad = run("scaffold", "--nomad").out();
        String server = run("scaffold", "--server").out();

        assertThat(nomad).containsPattern("encrypt: \"[A-Za-z0-9]{32}\"").doesNotContain("@ENCRYPTION_KEY@", "knot genkey\"");
        assertThat(server).containsPattern("encrypt: \"[A-Za-z0-9]{32}\"");
        assertThat(run("scaffold", "--nomad").out()).isNotEqualTo(nomad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--server", "--client", "--agent", "--nomad"})
    void everyScaffoldLoadsWithoutAProblem(String flag) {
        String out = run("scaffold", flag).out();
        String yaml = flag.equals("--nomad") ? templateData(out) : out;

        KnotConfig config = new ConfigLoader(environment(Map.of())).fromYaml(yaml);

        assertThat(config.server()).isNotNull();
    }

    @Test
    void theServerScaffoldsValuesAreTheDefaults() {
        String yaml = run("scaffold", "--server").out();
        KnotConfig scaffolded = new ConfigLoader(environment(Map.of())).fromYaml(yaml);
        KnotConfig defaults = new ConfigLoader(environment(Map.of())).fromYaml("");

        assertThat(scaffolded.server().listen()).isEqualTo(defaults.server().listen());
        assertThat(scaffolded.server().url()).isEqualTo(defaults.server().url());
        assertThat(scaffolded.tlsSkipVerify()).isEqualTo(defaults.tlsSkipVerify());
        assertThat(scaffolded.server().storage()).isEqualTo(defaults.server().storage());
        assertThat(scaffolded.server().tls()).isEqualTo(defaults.server().tls());
        assertThat(scaffolded.server().nomad()).isEqualTo(defaults.server().nomad());
    }

    @Test
    void aBadConfigStopsTheServerWithEveryProblemOnStderrAndExitCodeTwo() throws IOException {
        Files.writeString(working.resolve("knot.yml"), "server:\n  lsiten: 1\n  encrypt: short\n  mysql: {port: abc}\n");

        CliRun run = run("server");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains(
                "server.lsiten: unknown key", "server.mysql.port: expected a number, got \"abc\"", "server.encrypt: must be 16, 24 or 32");
    }

    @Test
    void aGoodConfigIsHandedToTheServer() throws IOException {
        Path file = Files.writeString(working.resolve("custom.yml"), "server:\n  listen: 4000\n");
        List<LoadedConfig> received = new ArrayList<>();

        CliRun run = CliRun.execute(environment(Map.of()), config -> {
            received.add(config);
            return 0;
        }, "--log-level", "debug", "server", "-c", "custom.yml");

        assertThat(run.exitCode()).isZero();
        assertThat(received).singleElement().satisfies(loaded -> {
            assertThat(loaded.file()).contains(file);
            assertThat(loaded.config().server().listen().port()).isEqualTo(4000);
        });
    }

    @Test
    void anUnknownLogLevelIsAUsageError() {
        CliRun run = run("server", "--log-level", "loud");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("--log-level");
    }

    @Test
    void theRunnersExitCodeIsTheProcesss() {
        CliRun run = CliRun.execute(environment(Map.of()), config -> ExitCodes.STARTUP_FAILED, "server");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.STARTUP_FAILED);
    }

    private CliRun run(String... arguments) {
        return CliRun.execute(environment(Map.of()), NOT_EXPECTED, arguments);
    }

    private ConfigEnvironment environment(Map<String, String> variables) {
        return new ConfigEnvironment(variables, working, Optional.empty(), () -> "test-host");
    }

    private static String templateData(String nomadJob) {
        int start = nomadJob.indexOf("data = <<EOF\n") + "data = <<EOF\n".length();
        int end = nomadJob.indexOf("\nEOF\n", start);
        return nomadJob.substring(start, end + 1);
    }
}
