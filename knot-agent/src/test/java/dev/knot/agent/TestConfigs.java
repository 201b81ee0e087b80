package dev.knot.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Configurations for tests: an agent on an ephemeral loopback port. */
final class TestConfigs {
    static final String SPACE_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    static final String REGISTRATION_KEY = "knot_ar_test-registration-key";
    static final Function<String, String> NO_GITHUB_KEYS = userName -> "";

    private TestConfigs() {}

    /** The machine's PATH but a private HOME, so the shell does not run the machine's own rc files. */
    static Map<String, String> shellEnvironment(Path home) {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", home.toString());
    }

    /** An agent that proxies to the given local ports; the terminal and the ssh port are off. */
    static AgentConfig proxying(int codeServerPort, Map<String, String> tcpPorts, Map<String, String> httpPorts,
            Map<String, String> httpsPorts) {
        return new AgentConfig(URI.create("http://knot"), SPACE_ID, new HostPort("127.0.0.1", 0),
                new HostPort("127.0.0.1", 3000), codeServerPort, 0, 0, tcpPorts, httpPorts, httpsPorts, false, false,
                "", REGISTRATION_KEY, false);
    }

    /** An agent whose only service is a web VNC server on {@code vncHttpPort} (0: none). */
    static AgentConfig vnc(int vncHttpPort, String servicePassword) {
        return new AgentConfig(URI.create("http://knot"), SPACE_ID, new HostPort("127.0.0.1", 0),
                new HostPort("127.0.0.1", 3000), 0, 0, vncHttpPort, Map.of(), Map.of(), Map.of(), false, false,
                servicePassword, REGISTRATION_KEY, false);
    }

    static AgentConfig agent(URI server, int sshPort) {
        return new AgentConfig(server, SPACE_ID, new HostPort("127.0.0.1", 0), new HostPort("127.0.0.1", 3000), 0,
                sshPort, 0, sshPort > 0 ? Map.of(Integer.toString(sshPort), "SSH") : Map.of(),
                Map.of("8080", "web"), Map.of("8443", "secure"), true, true, "", REGISTRATION_KEY, false);
    }
}
