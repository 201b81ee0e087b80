package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.knot.app.config.ConfigEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
    private static final ServerRunner NOT_EXPECTED = config -> fail("the server must not run");

    @TempDir
    Path working;

    @Test
    void aBadAgentConfigIsReportedWithEveryKeyAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(working.resolve("agent.yml"),
                "agent:\n  server: ftp://knot\n  space_id: short\n");

        CliRun run = CliRun.execute(environment(Map.of("KNOT_SSH_PORT", "abc")), NOT_EXPECTED,
                "agent", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(run.err()).contains("agent.server (KNOT_SERVER)", "agent.space_id (KNOT_SPACEID)",
                "agent.port.ssh (KNOT_SSH_PORT)", "the agent did not start");
    }

    @Test
    void theAgentHasHelp() {
        CliRun run = CliRun.execute(environment(Map.of()), NOT_EXPECTED, "agent", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: knot agent");
    }

    private ConfigEnvironment environment(Map<String, String> variables) {
        return new ConfigEnvironment(variables, working, Optional.of(working), () -> "test-host");
    }
}
