package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GithubKeysTest {
    private final List<String> paths = new ArrayList<>();
    private HttpServer github;
    private GithubKeys keys;

    @BeforeEach
    void start() throws IOException {
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            boolean known = exchange.getRequestURI().getPath().equals("/octocat.keys");
            byte[] body = (known ? "ssh-ed25519 GH1\n" : "Not Found").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        github.start();
        keys = new GithubKeys(URI.create("http://127.0.0.1:" + github.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        github.stop(0);
    }

    @Test
    void fetchesTheUsersKeys() {
        assertThat(keys.keysOf("octocat")).isEqualTo("ssh-ed25519 GH1\n");
    }

    @Test
    void anUnknownUserHasNoKeys() {
        assertThat(keys.keysOf("nobody")).isEmpty();
    }

    @Test
    void anInvalidUserNameIsNeverRequested() {
        assertThat(keys.keysOf("../etc/passwd")).isEmpty();
        assertThat(keys.keysOf("")).isEmpty();
        assertThat(paths).isEmpty();
    }
}
