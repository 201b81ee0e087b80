package dev.knot.adapter.http;

import static dev.knot.adapter.http.TestServers.uri;
import static dev.knot.adapter.http.TestServers.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CountDownLatch requestEntered = new CountDownLatch(1);
    private final CountDownLatch releaseRequest = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void release() {
        releaseRequest.countDown();
    }

    private void slowRoute(RouteTable.Builder routes) {
        routes.get("/slow").access(AccessRule.PUBLIC).onWorkerThread(exchange -> {
            requestEntered.countDown();
            if (!releaseRequest.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never released the request");
            }
            exchange.getResponseSender().send("finished");
        });
    }

    @Test
    void closing_lets_a_request_in_flight_finish_and_refuses_new_ones() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(WAIT, WAIT, WAIT), this::slowRoute);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(uri(server, "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(requestEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        String healthUrl = uri(server, "/health").toString();

        Thread closer = new Thread(server::close, "closer");
        closer.start();
        awaitDraining(healthUrl);

        assertThat(closer.isAlive()).as("close waits for the request in flight").isTrue();
        releaseRequest.countDown();
        HttpResponse<String> response = inFlight.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        closer.join(WAIT.toMillis());
        assertThat(closer.isAlive()).isFalse();
    }

    @Test
    void closing_stops_anyway_once_the_drain_timeout_is_over() throws Exception {
        HttpServer server = TestServers.start(withTimeouts(WAIT, WAIT, Duration.ofMillis(200)), this::slowRoute);
        client.sendAsync(HttpRequest.newBuilder(uri(server, "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(requestEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closer = new Thread(server::close, "closer");
        closer.start();
        closer.join(WAIT.toMillis());

        assertThat(closer.isAlive()).as("close gave up waiting for the stuck request").isFalse();
    }

    /** New requests get 503 once the drain has begun; polls until it has. */
    private void awaitDraining(String healthUrl) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(healthUrl)).build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the server never started draining");
    }
}
