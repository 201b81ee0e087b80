package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * security-tests.md cases 35 and 36 at the HTTP level, with a TCP proxy between the jar and MariaDB or Redis that the
 * test freezes (a hung server: nothing answers, nothing closes) or cuts (a killed server: connections drop, new ones
 * are refused). Requests that need the broken store are answered 503 with a JSON error, never left hanging and never
 * 401; everything else keeps working; when the store is back, requests succeed again with no restart.
 */
class StoreFaultsIT {
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "a long enough password";
    /** Only a guard against a hung test: nothing is asserted about how long an answer takes. */
    private static final long ANSWER_GUARD_SECONDS = 120;
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final int CONCURRENT_REQUESTS = 6;

    @TempDir
    Path root;

    @RegisterExtension
    final ThrowawayStores throwaway = new ThrowawayStores();

    @Test
    void whileMysqlIsFrozenOrGoneRequestsNeedingItGet503AndTheServerRecoversByItself() throws Exception {
        try (TcpProxy mysql = TcpProxy.to(ExternalStores.MYSQL_HOST, ExternalStores.MYSQL_PORT)) {
            GuideLayout.StoreEnvironment stores =
                    GuideLayout.StoreEnvironment.direct(throwaway.database(), throwaway.keyPrefix()).withMysqlPort(mysql.port());
            int port = KnotProcess.freePort();
            KnotApi api = new KnotApi(port);
            try (KnotProcess knot = GuideLayout.start(root, "knot", GuideLayout.MYSQL.writeConfig(root,
                    GuideLayout.generatedKey()), port, stores)) {
                GuideLayout.awaitHealthy(knot, api);
                assertThat(api.createFirstAdmin("admin", EMAIL, PASSWORD).statusCode()).isEqualTo(201);
                String token = api.apiToken(api.sessionSecret(EMAIL, PASSWORD));
                assertThat(api.whoamiWithBearer(token).statusCode()).isEqualTo(200);

                mysql.freeze();
                List<CompletableFuture<HttpResponse<String>>> inFlight = concurrently(() -> api.whoamiWithBearer(token));
                assertThat(api.health()).as("requests that need no store are still served").isEqualTo(200);
                for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                    assertStoreUnavailable(request.get(ANSWER_GUARD_SECONDS, TimeUnit.SECONDS), "MySQL");
                }

                mysql.thaw();
                awaitStatus(() -> api.whoamiWithBearer(token), 200);

                mysql.cut();
                assertStoreUnavailable(api.whoamiWithBearer(token), "MySQL");
                assertStoreUnavailable(api.login(EMAIL, PASSWORD), "MySQL");

                mysql.restore();
                awaitStatus(() -> api.whoamiWithBearer(token), 200);
                assertThat(api.login(EMAIL, PASSWORD).statusCode()).isEqualTo(200);

                GuideLayout.stop(knot);
            }
        }
    }

    @Test
    void whileTheRedisCacheIsDownSessionsGet503NotALogoutApiTokensKeepWorkingAndItRecoversByItself() throws Exception {
        try (TcpProxy redis = TcpProxy.to(ExternalStores.REDIS_HOST, ExternalStores.REDIS_PORT)) {
            GuideLayout.StoreEnvironment stores = GuideLayout.StoreEnvironment.direct(throwaway.database(), throwaway.keyPrefix())
                    .withRedisHosts("127.0.0.1:" + redis.port());
            int port = KnotProcess.freePort();
            KnotApi api = new KnotApi(port);
            try (KnotProcess knot = GuideLayout.start(root, "knot", GuideLayout.MYSQL_WITH_REDIS_CACHE.writeConfig(root,
                    GuideLayout.generatedKey()), port, stores)) {
                GuideLayout.awaitHealthy(knot, api);
                assertThat(api.createFirstAdmin("admin", EMAIL, PASSWORD).statusCode()).isEqualTo(201);
                String session = api.sessionSecret(EMAIL, PASSWORD);
                String token = api.apiToken(session);
                assertThat(api.whoamiWithCookie(session).statusCode()).isEqualTo(200);

                redis.freeze();
                List<CompletableFuture<HttpResponse<String>>> inFlight = concurrently(() -> api.whoamiWithCookie(session));
                assertThat(api.whoamiWithBearer(token).statusCode()).as("API tokens live in MySQL").isEqualTo(200);
                for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                    assertStoreUnavailable(request.get(ANSWER_GUARD_SECONDS, TimeUnit.SECONDS), "Redis");
                }
                assertStoreUnavailable(api.whoamiWithBearer(session), "Redis");

                redis.thaw();
                awaitStatus(() -> api.whoamiWithCookie(session), 200);

                redis.cut();
                assertStoreUnavailable(api.whoamiWithCookie(session), "Redis");
                assertThat(api.whoamiWithBearer(token).statusCode()).as("API tokens live in MySQL").isEqualTo(200);

                redis.restore();
                awaitStatus(() -> api.whoamiWithCookie(session), 200);

                GuideLayout.stop(knot);
            }
        }
    }

    /** Each on a thread of its own (the common pool may have one thread on a small machine). */
    private static List<CompletableFuture<HttpResponse<String>>> concurrently(Supplier<HttpResponse<String>> request) {
        return IntStream.range(0, CONCURRENT_REQUESTS).mapToObj(i -> {
            CompletableFuture<HttpResponse<String>> response = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    response.complete(request.get());
                } catch (RuntimeException failure) {
                    response.completeExceptionally(failure);
                }
            }, "request-" + i);
            thread.setDaemon(true);
            thread.start();
            return response;
        }).toList();
    }

    /** 503 with knot's JSON error: its code, a message naming the store, and nothing from inside (SQL, traces). */
    private static void assertStoreUnavailable(HttpResponse<String> response, String store) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(KnotApi.field(response, "code")).isEqualTo("STORE_UNAVAILABLE");
        assertThat(KnotApi.field(response, "error")).containsIgnoringCase(store).contains("unavailable")
                .doesNotContainIgnoringCase("select ").doesNotContain("\tat ");
    }

    private static void awaitStatus(Supplier<HttpResponse<String>> request, int status) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(request.get().statusCode()).isEqualTo(status));
    }
}
