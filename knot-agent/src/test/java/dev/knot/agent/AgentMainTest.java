package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentMainTest {
    @Test
    void anInvalidConfigurationStartsNothing() {
        StringWriter errors = new StringWriter();

        int exitCode = AgentMain.run(Optional.empty(), Map.of(), new PrintWriter(errors));

        assertThat(exitCode).isEqualTo(AgentMain.INVALID_CONFIG);
        assertThat(errors.toString()).contains("agent.server (KNOT_SERVER)", "the agent did not start");
    }

    @Test
    void aBusyListenAddressIsReported() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter errors = new StringWriter();
            String address = "127.0.0.1:" + busy.getLocalPort();

            int exitCode = AgentMain.run(Optional.empty(), Map.of(
                    "KNOT_SERVER", "http://127.0.0.1:1",
                    "KNOT_SPACEID", TestConfigs.SPACE_ID,
                    "KNOT_LISTEN", address), new PrintWriter(errors));

            assertThat(exitCode).isEqualTo(AgentMain.STARTUP_FAILED);
            assertThat(errors.toString()).startsWith("cannot listen on " + address);
        }
    }
}
