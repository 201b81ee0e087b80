package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SshHostsTest {
    private final TestKnotServer server = TestKnotServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyTheCallersRunningSpacesWithSshAreListedAndOddNamesAreSkippedAloud() {
        server.spaces.add(new TestKnotServer.Space("1", "dev", true, false, true));
        server.spaces.add(new TestKnotServer.Space("2", "no-ssh", true, false, false));
        server.spaces.add(new TestKnotServer.Space("3", "starting", false, true, true));
        server.spaces.add(new TestKnotServer.Space("4", "stopping", true, true, true));
        server.spaces.add(new TestKnotServer.Space("5", "stopped", false, false, true));
        server.spaces.add(new TestKnotServer.Space("6", "evil\nHost *", true, false, true));
        server.spaces.add(new TestKnotServer.Space("7", "web-2", true, false, true));
        StringWriter out = new StringWriter();

        var names = new SshHosts(new KnotApi(server.knotServer()), new PrintWriter(out)).runningWithSsh(
                TestKnotServer.TOKEN);

        assertThat(names).containsExactly("dev", "web-2");
        assertThat(out.toString()).contains("Skipped a space whose name cannot go into an ssh config safely:"
                + " \"evil\\u000aHost *\"");
        assertThat(server.requestsTo("/api/v1/users/whoami")).hasSize(1);
    }
}
