package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KnotApiTest {
    private final TestKnotServer server = TestKnotServer.start();
    private final KnotApi api = new KnotApi(server.knotServer());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pingSendsTheTokenAsABearerAndAnswersTheVersion() {
        assertThat(api.ping(TestKnotServer.TOKEN)).isEqualTo(TestKnotServer.VERSION);
        assertThat(server.requestsTo("/api/v1/ping")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).contains("Bearer " + TestKnotServer.TOKEN));
    }

    @Test
    void aRefusedTokenSaysWhatToDoWithoutQuotingIt() {
        assertThatThrownBy(() -> api.ping("wrong-token"))
                .isInstanceOf(ClientException.class)
                .hasMessage("the server refused the API token (401): it is wrong, expired or deleted; run `knot connect "
                        + server.address() + "` for a new one");
    }

    @Test
    void otherErrorsQuoteTheServersMessage() {
        assertThatThrownBy(() -> api.serviceState(TestKnotServer.TOKEN, "no-such-space"))
                .isInstanceOf(ClientException.class)
                .hasMessage("reading the state of a space failed: " + server.address() + " answered 404: not found");
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        KnotApi nobody = new KnotApi(KnotServer.at(ServerAddress.parse("http://127.0.0.1:" + closed), false));

        assertThatThrownBy(() -> nobody.ping("t"))
                .isInstanceOf(ClientException.class)
                .hasMessage("cannot reach http://127.0.0.1:" + closed + ": connection refused");
    }

    @Test
    void aServerThatIsNotKnotIsNamedAsSuch() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            KnotApi notKnot = new KnotApi(KnotServer.at(
                    ServerAddress.parse("http://127.0.0.1:" + other.getAddress().getPort()), false));

            assertThatThrownBy(() -> notKnot.ping("t"))
                    .isInstanceOf(ClientException.class)
                    .hasMessageEndingWith("did not answer with JSON; is it a knot server?");
            assertThatThrownBy(() -> notKnot.login("a@b.c", "p"))
                    .isInstanceOf(ClientException.class)
                    .hasMessageEndingWith("is it a knot server?");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void spacesAreListedForTheGivenUserWithTheirServiceState() {
        server.spaces.add(new TestKnotServer.Space("id-1", "dev", true, false, true));
        server.spaces.add(new TestKnotServer.Space("id-2", "stopping", true, true, true));

        assertThat(api.spaces(TestKnotServer.TOKEN, TestKnotServer.USER_ID))
                .containsExactly(new RemoteSpace("id-1", "dev"), new RemoteSpace("id-2", "stopping"));
        assertThat(api.serviceState(TestKnotServer.TOKEN, "id-1")).isEqualTo(new RemoteServiceState("dev", true, true));
        assertThat(api.serviceState(TestKnotServer.TOKEN, "id-2")).isEqualTo(
                new RemoteServiceState("stopping", false, true));
        assertThat(server.requestsTo("/api/v1/spaces")).singleElement()
                .satisfies(request -> assertThat(request.query()).isEqualTo("user_id=" + TestKnotServer.USER_ID));
    }
}
