package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentApiTest {
    private static final String TOKEN = "the-server-token";

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newHttpClient();
    private final CurrentRegistration current = new CurrentRegistration();
    private AgentApi api;

    @BeforeEach
    void start() {
        current.set(new Registration("the-agents-own-token", TOKEN, URI.create("http://knot"), "", ""));
        api = new AgentApi(TestConfigs.agent(URI.create("http://knot"), 22), current, new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home,
                TestConfigs.shellEnvironment(home));
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void pingNeedsNoToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ping")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":true}");
    }

    @Test
    void everyOtherRouteRefusesAMissingOrWrongToken() throws Exception {
        for (String path : new String[] {"/update-authorized-keys", "/terminal/bash", "/code-server/", "/nothing"}) {
            assertThat(send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .statusCode()).as("no header on %s", path).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer wrong").GET())
                    .statusCode()).as("wrong token on %s", path).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", TOKEN).GET())
                    .statusCode()).as("no Bearer prefix on %s", path).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer the-agents-own-token").GET())
                    .statusCode()).as("the access token on %s", path).isEqualTo(401);
        }
    }

    @Test
    void nothingIsAcceptedBeforeRegistration() throws Exception {
        CurrentRegistration unregistered = new CurrentRegistration();

        assertThat(unregistered.accepts(TOKEN)).isFalse();
        assertThat(unregistered.accepts("")).isFalse();
    }

    @Test
    void theRightTokenUpdatesAuthorizedKeys() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/update-authorized-keys"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"key\":\"ssh-ed25519 AAAA pushed\",\"github_username\":\"\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":true}");
        assertThat(Files.readString(home.resolve(".ssh/authorized_keys"))).contains("ssh-ed25519 AAAA pushed");
    }

    @Test
    void anOversizedKeyPushIsRefused() throws Exception {
        String key = "ssh-ed25519 " + "A".repeat(70 * 1024);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/update-authorized-keys"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key + "\",\"github_username\":\"\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(home.resolve(".ssh/authorized_keys")).doesNotExist();
    }

    @Test
    void theRightTokenOnAnUnknownRouteIsNotFound() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/nothing")).header("Authorization", "Bearer " + TOKEN).GET())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void authorizedKeysRouteIsAbsentWithoutAnSshPort() throws Exception {
        api.close();
        api = new AgentApi(TestConfigs.agent(URI.create("http://knot"), 0), current, new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home,
                TestConfigs.shellEnvironment(home));
        api.start();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/update-authorized-keys"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"github_username\":\"\"}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(home.resolve(".ssh/authorized_keys")).doesNotExist();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
