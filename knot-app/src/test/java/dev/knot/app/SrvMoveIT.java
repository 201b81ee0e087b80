package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.knot.app.dns.FakeDnsServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MySQL and the Redis cache named by "srv+" hosts, found through a name server of the test, each first behind
 * proxy A. The records then move to proxy B and proxy A dies: the running jar follows the records (new MySQL
 * connections ask DNS again; Redisson's DNS check moves its client) and requests succeed again with no restart.
 */
class SrvMoveIT {
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "a long enough password";
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final String MYSQL_SERVICE = "mysql.service.consul";
    private static final String REDIS_SERVICE = "redis.service.consul";
    private static final String NODE = "stores.node.consul";

    @TempDir
    Path root;

    @RegisterExtension
    final ThrowawayStores throwaway = new ThrowawayStores();

    @Test
    void whenTheSrvRecordsMoveAndTheOldAddressesDieRequestsSucceedAgainWithoutARestart() throws Exception {
        try (TcpProxy mysqlA = TcpProxy.to(ExternalStores.MYSQL_HOST, ExternalStores.MYSQL_PORT);
                TcpProxy mysqlB = TcpProxy.to(ExternalStores.MYSQL_HOST, ExternalStores.MYSQL_PORT);
                TcpProxy redisA = TcpProxy.to(ExternalStores.REDIS_HOST, ExternalStores.REDIS_PORT);
                TcpProxy redisB = TcpProxy.to(ExternalStores.REDIS_HOST, ExternalStores.REDIS_PORT);
                FakeDnsServer dns = FakeDnsServer.start()
                        .withSrv(MYSQL_SERVICE, 1, 1, mysqlA.port(), NODE)
                        .withSrv(REDIS_SERVICE, 1, 1, redisA.port(), NODE)
                        .withA(NODE, "127.0.0.1")) {
            int port = KnotProcess.freePort();
            KnotApi api = new KnotApi(port);
            Path config = Files.writeString(root.resolve("knot.yml"), "server:\n"
                    + "  encrypt: " + GuideLayout.generatedKey() + "\n"
                    + "  mysql: {enabled: true, host: srv+" + MYSQL_SERVICE + ", port: 1, user: "
                    + ExternalStores.MYSQL_USER + ", database: " + throwaway.database() + "}\n"
                    + "  redis: {enabled: true, hosts: [srv+" + REDIS_SERVICE + "], key_prefix: \"" + throwaway.keyPrefix() + "\"}\n"
                    + "resolver: {nameservers: [" + dns.address() + "]}\n");
            Path working = Files.createDirectories(root.resolve("knot"));
            try (KnotProcess knot = KnotProcess.start(KnotProcess.currentJava(), working,
                    Map.of("KNOT_LISTEN", "127.0.0.1:" + port, "KNOT_USE_TLS", "false"), "server", "-c", config.toString())) {
                GuideLayout.awaitHealthy(knot, api);
                assertThat(api.createFirstAdmin("admin", EMAIL, PASSWORD).statusCode()).isEqualTo(201);
                String session = api.sessionSecret(EMAIL, PASSWORD);
                String token = api.apiToken(session);
                assertThat(api.whoamiWithCookie(session).statusCode()).isEqualTo(200);

                dns.replaceSrv(MYSQL_SERVICE, 1, 1, mysqlB.port(), NODE);
                dns.replaceSrv(REDIS_SERVICE, 1, 1, redisB.port(), NODE);
                mysqlA.cut();
                redisA.cut();

                awaitStatus(() -> api.whoamiWithCookie(session), 200);
                awaitStatus(() -> api.whoamiWithBearer(token), 200);
                assertThat(api.login(EMAIL, PASSWORD).statusCode()).isEqualTo(200);
                assertThat(knot.out() + knot.err())
                        .contains("server.mysql.host srv+" + MYSQL_SERVICE + " → 127.0.0.1:" + mysqlA.port())
                        .contains("server.mysql.host srv+" + MYSQL_SERVICE + " → 127.0.0.1:" + mysqlB.port())
                        .contains("server.redis.hosts srv+" + REDIS_SERVICE + " → 127.0.0.1:" + redisB.port());

                GuideLayout.stop(knot);
            }
        }
    }

    private static void awaitStatus(Supplier<HttpResponse<String>> request, int status) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(request.get().statusCode()).isEqualTo(status));
    }
}
