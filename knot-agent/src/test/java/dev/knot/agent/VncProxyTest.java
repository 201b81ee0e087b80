package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /vnc/… through the agent to a web VNC server on a local HTTPS port with a self-signed certificate. */
class VncProxyTest {
    private static final String TOKEN = "the-server-token";
    private static final String AGENTS_OWN_TOKEN = "the-agents-own-token";
    private static final String SERVICE_PASSWORD = "vnc-password";
    // base64("knot:vnc-password"), written out so that the test does not share the agent's encoding.
    private static final String BASIC_KNOT = "Basic a25vdDp2bmMtcGFzc3dvcmQ=";
    private static final long WAIT_SECONDS = 20;

    private static SSLContext selfSigned;

    @TempDir
    Path home;

    private final AgentRequests agent = new AgentRequests(() -> this.api.port(), TOKEN);
    private final CurrentRegistration current = new CurrentRegistration();
    private RecordingHttpBackend vncServer;
    private AgentApi api;

    @BeforeAll
    static void makeCertificate(@TempDir Path keys) throws Exception {
        selfSigned = SelfSignedTls.serverContext(keys);
    }

    @BeforeEach
    void start() throws Exception {
        current.set(new Registration(AGENTS_OWN_TOKEN, TOKEN, URI.create("http://knot"), "", ""));
        vncServer = RecordingHttpBackend.https(selfSigned);
        startAgent(vncServer.port(), SERVICE_PASSWORD);
    }

    @AfterEach
    void stop() {
        api.close();
        vncServer.close();
    }

    @Test
    void getsThePathBelowVncWithItsQueryStringAndTheServiceLogin() throws Exception {
        HttpResponse<String> response = agent.send(agent.authorized("/vnc/some/path?q=1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(vncServer.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawUri()).isEqualTo("/some/path?q=1");
            assertThat(request.header("Authorization")).isEqualTo(BASIC_KNOT);
        });
    }

    @Test
    void theServersBearerNeverReachesTheVncServer() throws Exception {
        agent.send(agent.authorized("/vnc/"));

        assertThat(vncServer.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers().get("Authorization")).containsExactly(BASIC_KNOT);
            assertThat(request.headers().toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void vncAloneIsTheRootPathAndALookAlikePrefixIsNotFound() throws Exception {
        assertThat(agent.send(agent.authorized("/vnc")).statusCode()).isEqualTo(200);
        assertThat(agent.send(agent.authorized("/vnc/")).statusCode()).isEqualTo(200);
        assertThat(agent.send(agent.authorized("/vncx/")).statusCode()).isEqualTo(404);
        assertThat(agent.send(agent.authorized("/vnc.html")).statusCode()).isEqualTo(404);

        assertThat(vncServer.requests()).extracting(RecordingHttpBackend.Request::rawUri).containsExactly("/", "/");
    }

    @Test
    void everyMethodPassesWithItsBodyBothWays() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024 + 5];
        new Random(11).nextBytes(body);

        HttpResponse<byte[]> posted = agent.client().send(agent.authorized("/vnc/upload")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> deleted = agent.send(agent.authorized("/vnc/file").DELETE());

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo(body);
        assertThat(deleted.headers().firstValue("X-Seen-Method")).contains("DELETE");
        assertThat(vncServer.requests()).extracting(RecordingHttpBackend.Request::method)
                .containsExactly("POST", "DELETE");
        assertThat(vncServer.requests()).allSatisfy(
                request -> assertThat(request.header("Authorization")).isEqualTo(BASIC_KNOT));
    }

    @Test
    void anEmptyServicePasswordIsSentAsTheOriginalDid() throws Exception {
        api.close();
        startAgent(vncServer.port(), "");

        assertThat(agent.send(agent.authorized("/vnc/")).statusCode()).isEqualTo(200);
        assertThat(vncServer.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Basic a25vdDo="));
    }

    @Test
    void vncIsNotFoundWithoutItsPort() throws Exception {
        api.close();
        startAgent(0, SERVICE_PASSWORD);

        assertThat(agent.send(agent.authorized("/vnc/")).statusCode()).isEqualTo(404);
        assertThat(agent.send(agent.authorized("/vnc")).statusCode()).isEqualTo(404);
        assertThat(agent.send(agent.authorized("/vnc/websockify")).statusCode()).isEqualTo(404);
        assertThat(vncServer.requests()).isEmpty();
    }

    @Test
    void vncNeedsTheServerToken() throws Exception {
        assertThat(agent.send(HttpRequest.newBuilder(agent.uri("/vnc/"))).statusCode()).isEqualTo(401);
        assertThat(agent.send(HttpRequest.newBuilder(agent.uri("/vnc/")).header("Authorization", "Bearer " + AGENTS_OWN_TOKEN))
                .statusCode()).isEqualTo(401);
        assertThat(agent.send(HttpRequest.newBuilder(agent.uri("/vnc/")).header("Authorization", BASIC_KNOT)).statusCode())
                .isEqualTo(401);

        assertThat(vncServer.requests()).isEmpty();
    }

    @Test
    void theWebsocketOfTheVncClientPassesThroughWithTheServiceLogin() throws Exception {
        try (EchoWebSocketBackend websockify = new EchoWebSocketBackend(selfSigned)) {
            api.close();
            startAgent(websockify.port(), SERVICE_PASSWORD);
            WebSocketRecorder recorder = new WebSocketRecorder();
            WebSocket socket = agent.client().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + TOKEN)
                    .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/vnc/websockify"), recorder)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);

            socket.sendText("RFB 003.008\n", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
            socket.sendBinary(ByteBuffer.wrap(new byte[] {4, 5, 6}), true).get(WAIT_SECONDS, TimeUnit.SECONDS);

            await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
                    .until(() -> recorder.text().equals("RFB 003.008\n") && recorder.binary().length == 3);
            assertThat(recorder.binary()).containsExactly(4, 5, 6);
            assertThat(websockify.handshakes()).singleElement().satisfies(handshake -> {
                assertThat(handshake.uri()).isEqualTo("/websockify");
                assertThat(handshake.authorization()).isEqualTo(BASIC_KNOT);
            });
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        }
    }

    private void startAgent(int vncPort, String servicePassword) {
        api = new AgentApi(TestConfigs.vnc(vncPort, servicePassword), current,
                new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home, TestConfigs.shellEnvironment(home));
        api.start();
    }
}
