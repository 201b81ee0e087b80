package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /http/{port}/… and /code-server/… through the agent to real local servers. */
class WebPortProxyTest {
    private static final String TOKEN = "the-server-token";
    private static final String AGENTS_OWN_TOKEN = "the-agents-own-token";
    private static final long WAIT_SECONDS = 20;

    private static SSLContext selfSigned;

    @TempDir
    Path home;

    private final AgentRequests agent = new AgentRequests(() -> this.api.port(), TOKEN);
    private final CurrentRegistration current = new CurrentRegistration();
    private RecordingHttpBackend web;
    private RecordingHttpBackend secure;
    private RecordingHttpBackend codeServer;
    private RecordingHttpBackend unregistered;
    private EchoWebSocketBackend hotReload;
    private int nothingListening;
    private AgentApi api;

    @BeforeAll
    static void makeCertificate(@TempDir Path keys) throws Exception {
        selfSigned = SelfSignedTls.serverContext(keys);
    }

    @BeforeEach
    void start() throws Exception {
        current.set(new Registration(AGENTS_OWN_TOKEN, TOKEN, URI.create("http://knot"), "", ""));
        web = RecordingHttpBackend.http();
        secure = RecordingHttpBackend.https(selfSigned);
        codeServer = RecordingHttpBackend.http();
        unregistered = RecordingHttpBackend.http();
        hotReload = new EchoWebSocketBackend();
        try (ServerSocket free = new ServerSocket(0)) {
            nothingListening = free.getLocalPort();
        }
        api = new AgentApi(TestConfigs.proxying(codeServer.port(), Map.of(),
                Map.of(Integer.toString(web.port()), "web", Integer.toString(hotReload.port()), "vite",
                        Integer.toString(nothingListening), "down"),
                Map.of(Integer.toString(secure.port()), "secure")),
                current, new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home, TestConfigs.shellEnvironment(home));
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
        web.close();
        secure.close();
        codeServer.close();
        unregistered.close();
        hotReload.close();
    }

    @Test
    void getsThePathBelowThePortWithItsQueryString() throws Exception {
        HttpResponse<String> response = agent.send(agent.authorized("/http/" + web.port() + "/assets/app.js?v=1&name=a%20b"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(web.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawUri()).isEqualTo("/assets/app.js?v=1&name=a%20b");
        });
    }

    @Test
    void thePortAloneIsTheRootPath() throws Exception {
        assertThat(agent.send(agent.authorized("/http/" + web.port())).statusCode()).isEqualTo(200);
        assertThat(agent.send(agent.authorized("/http/" + web.port() + "/")).statusCode()).isEqualTo(200);

        assertThat(web.requests()).extracting(RecordingHttpBackend.Request::rawUri).containsExactly("/", "/");
    }

    @Test
    void postsABodyAndStreamsTheAnswerBack() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);

        HttpResponse<byte[]> response = agent.client().send(agent.authorized("/http/" + web.port() + "/upload")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Method")).contains("POST");
        assertThat(response.body()).isEqualTo(body);
        assertThat(web.requests()).singleElement().satisfies(request -> assertThat(request.body()).isEqualTo(body));
    }

    @Test
    void theAppNeverSeesTheAgentBearer() throws Exception {
        agent.send(agent.authorized("/http/" + web.port() + "/"));
        agent.send(agent.authorized("/code-server/"));

        assertThat(web.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isNull());
        assertThat(codeServer.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isNull());
    }

    @Test
    void forwardingHeadersAreAppendedOrPassedOnButNotMadeUp() throws Exception {
        agent.send(agent.authorized("/http/" + web.port() + "/plain"));
        agent.send(agent.authorized("/http/" + web.port() + "/forwarded")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "alice--dev--" + web.port() + ".knot.example.com")
                .header("X-Forwarded-Proto", "https"));

        RecordingHttpBackend.Request plain = web.requests().get(0);
        assertThat(plain.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(plain.header("X-Forwarded-Host")).isNull();
        assertThat(plain.header("X-Forwarded-Proto")).isNull();
        assertThat(plain.header("X-Forwarded-Server")).isNull();
        assertThat(plain.header("X-Forwarded-Port")).isNull();
        RecordingHttpBackend.Request forwarded = web.requests().get(1);
        assertThat(forwarded.header("X-Forwarded-For")).isEqualTo("203.0.113.7,127.0.0.1");
        assertThat(forwarded.header("X-Forwarded-Host")).isEqualTo("alice--dev--" + web.port() + ".knot.example.com");
        assertThat(forwarded.header("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void anOfferToSwitchToHttp2IsNotPassedOn() throws Exception {
        // Java's client offers h2c (Upgrade: h2c, HTTP2-Settings) on the first request of a plain-HTTP connection.
        HttpClient offering = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        HttpResponse<String> response = offering.send(agent.authorized("/http/" + web.port() + "/").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(web.requests()).singleElement().satisfies(request -> {
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.header("HTTP2-Settings")).isNull();
        });
    }

    @Test
    void httpsPortsAreReachedOverTlsWithoutCheckingTheCertificate() throws Exception {
        HttpResponse<String> response = agent.send(agent.authorized("/http/" + secure.port() + "/secure?x=1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(secure.requests()).extracting(RecordingHttpBackend.Request::rawUri).containsExactly("/secure?x=1");
    }

    @Test
    void codeServerGetsThePathBelowItsPrefix() throws Exception {
        HttpResponse<String> response = agent.send(agent.authorized("/code-server/stable-1/static/x.css?q=1"));
        agent.send(agent.authorized("/code-server"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(codeServer.requests()).extracting(RecordingHttpBackend.Request::rawUri)
                .containsExactly("/stable-1/static/x.css?q=1", "/");
        assertThat(agent.send(agent.authorized("/code-serverx/")).statusCode()).isEqualTo(404);
    }

    @Test
    void codeServerIsAbsentWithoutItsPort() throws Exception {
        api.close();
        api = new AgentApi(TestConfigs.proxying(0, Map.of(), Map.of(), Map.of()), current,
                new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS), home, TestConfigs.shellEnvironment(home));
        api.start();

        assertThat(agent.send(agent.authorized("/code-server/")).statusCode()).isEqualTo(404);
        assertThat(agent.send(agent.authorized("/http/" + web.port() + "/")).statusCode()).isEqualTo(404);
        assertThat(web.requests()).isEmpty();
    }

    @Test
    void portsTheAgentDoesNotReportAreNotFound() throws Exception {
        int port = web.port();
        for (String path : new String[] {
                "/http/" + unregistered.port() + "/",
                "/http/0" + port + "/",
                "/http/+" + port + "/",
                "/http/0x" + Integer.toHexString(port) + "/",
                "/http/" + port + "@127.0.0.2/",
                "/http/" + port + "%40x/",
                "/http/%3" + Integer.toString(port).charAt(0) + Integer.toString(port).substring(1) + "/",
                "/http/" + (port + 65536) + "/",
                "/http//",
                "/http/" + codeServer.port() + "/",
        }) {
            assertThat(agent.send(agent.authorized(path)).statusCode()).as(path).isEqualTo(404);
        }

        assertThat(unregistered.requests()).isEmpty();
        assertThat(web.requests()).isEmpty();
        assertThat(codeServer.requests()).isEmpty();
    }

    @Test
    void everyProxyRouteNeedsTheServerToken() throws Exception {
        for (String path : new String[] {"/http/" + web.port() + "/", "/code-server/"}) {
            assertThat(agent.send(HttpRequest.newBuilder(agent.uri(path))).statusCode()).as("no token on %s", path)
                    .isEqualTo(401);
            assertThat(agent.send(HttpRequest.newBuilder(agent.uri(path)).header("Authorization", "Bearer " + AGENTS_OWN_TOKEN))
                    .statusCode()).as("the access token on %s", path).isEqualTo(401);
        }

        assertThat(web.requests()).isEmpty();
        assertThat(codeServer.requests()).isEmpty();
    }

    @Test
    void aServiceThatStartsLaterIsReachedAtOnce() throws Exception {
        assertThat(agent.send(agent.authorized("/http/" + nothingListening + "/")).statusCode()).isEqualTo(503);

        try (RecordingHttpBackend late = RecordingHttpBackend.http(nothingListening)) {
            assertThat(agent.send(agent.authorized("/http/" + nothingListening + "/now")).statusCode()).isEqualTo(200);
            assertThat(late.requests()).extracting(RecordingHttpBackend.Request::rawUri).containsExactly("/now");
        }
    }

    @Test
    void websocketUpgradesPassThrough() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket socket = agent.client().newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(URI.create("ws://127.0.0.1:" + api.port() + "/http/" + hotReload.port() + "/hmr?t=1"),
                        recorder)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        socket.sendText("reload", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(WAIT_SECONDS, TimeUnit.SECONDS);

        await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
                .until(() -> recorder.text().equals("reload") && recorder.binary().length == 3);
        assertThat(recorder.binary()).containsExactly(1, 2, 3);
        assertThat(hotReload.handshakes()).singleElement().satisfies(handshake -> {
            assertThat(handshake.uri()).isEqualTo("/hmr?t=1");
            assertThat(handshake.authorization()).isNull();
        });
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(recorder.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }
}
