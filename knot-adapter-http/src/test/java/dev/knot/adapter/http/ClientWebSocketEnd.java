package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The client's end of a websocket the server relays to an agent, as a browser or {@code knot forward} holds it: the
 * socket and how the server closed it. What it does with messages is the subclass's. The statics open one, or
 * return the answer to a handshake the server refuses, with headers given as name, value, name, value...
 */
abstract class ClientWebSocketEnd implements WebSocket.Listener {
    static final long WAIT_SECONDS = 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason;
    WebSocket socket;

    /** Opens {@code end}'s socket on {@code uri}, and returns {@code end}. */
    static <T extends ClientWebSocketEnd> T open(T end, URI uri, String... headers) throws Exception {
        end.socket = builder(headers).buildAsync(uri, end).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return end;
    }

    /** The server's answer to a handshake it refuses (the body as a string); fails if it accepts it. */
    static HttpResponse<?> refusedHandshake(ClientWebSocketEnd end, URI uri, String... headers) throws Exception {
        CompletableFuture<WebSocket> attempt = builder(headers).buildAsync(uri, end);
        try {
            WebSocket accepted = attempt.get(WAIT_SECONDS, TimeUnit.SECONDS);
            accepted.abort();
            throw new AssertionError("the handshake was accepted");
        } catch (ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) refused.getCause()).getResponse();
        }
    }

    /** A plain GET, for what the routes answer to a request that is no handshake. */
    static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(WAIT_SECONDS));
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocket.Builder builder(String... headers) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_SECONDS));
        for (int index = 0; index < headers.length; index += 2) {
            builder.header(headers[index], headers[index + 1]);
        }
        return builder;
    }

    int closedWith() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
