package dev.knot.agent;

import java.net.URI;
import java.util.Map;

/** Configurations for tests: an agent on an ephemeral loopback port. */
final class TestConfigs {
    static final String SPACE_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    static final String SEARCH_PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

    private TestConfigs() {}

    static AgentConfig agent(URI server, int sshPort) {
        return new AgentConfig(server, SPACE_ID, new HostPort("127.0.0.1", 0), new HostPort("127.0.0.1", 3000), 0,
                sshPort, 0, sshPort > 0 ? Map.of(Integer.toString(sshPort), "SSH") : Map.of(),
                Map.of("8080", "web"), Map.of("8443", "secure"), true, true, "", false);
    }
}
