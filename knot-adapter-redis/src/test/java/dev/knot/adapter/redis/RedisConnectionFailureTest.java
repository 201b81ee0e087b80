package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a store reports when Redis cannot be reached: STORE_UNAVAILABLE "Redis is unavailable: …", without the
 * password, and it returns rather than hang. No Redis server is needed. The timeout only guards the build
 * against a hang; the tests assert no durations.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisConnectionFailureTest {
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void startFailsWithStoreUnavailableWhenNothingListens() {
        RedisConnection connection = new RedisConnection(configFor("127.0.0.1:" + aClosedPort()));

        assertThatThrownBy(connection::start).satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword);

        connection.close();
    }

    @Test
    void startFailsWithStoreUnavailableWhenTheServerNeverAnswers() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            RedisConnection connection = new RedisConnection(configFor(silent.address()));

            assertThatThrownBy(connection::start).satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword);

            connection.close();
        }
    }

    @Test
    void callsBeforeStartFailWithStoreUnavailable() {
        RedisConfig config = configFor("127.0.0.1:6379");
        RedisUserRepository users =
                new RedisUserRepository(new RedisOperations(new RedisConnection(config)), KeyLayout.of(config));

        assertThatThrownBy(users::hasUsers).satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword);
    }

    @Test
    void callsAfterCloseFailWithStoreUnavailable() {
        RedisConnection connection = new RedisConnection(configFor("127.0.0.1:6379"));
        connection.close();

        assertThatThrownBy(connection::client).satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword);
    }

    @Test
    void serviceRecordHostsWithoutALookupAreRefusedAtStartWithAPlainReason() {
        RedisConnection connection = new RedisConnection(configFor("srv+redis.service.consul"));

        assertThatThrownBy(connection::start)
                .satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword)
                .hasMessageContaining("srv+redis.service.consul")
                .hasMessageContaining("host:port");
    }

    @Test
    void aServiceRecordWithoutAnAnswerFailsTheStartNamingTheEntryAndTheReason() {
        RedisConnection connection = new RedisConnection(configFor("srv+redis.service.consul").withServiceLookup(name -> {
            throw new IllegalStateException("DNS SRV lookup of " + name + " via 10.0.0.2:8600 failed: no such name");
        }));

        assertThatThrownBy(connection::start)
                .satisfies(RedisConnectionFailureTest::isUnavailableWithoutPassword)
                .hasMessageContaining("server.redis.hosts entry srv+redis.service.consul: DNS SRV lookup of "
                        + "redis.service.consul via 10.0.0.2:8600 failed: no such name");
    }

    private static void isUnavailableWithoutPassword(Throwable error) {
        assertThat(error).isInstanceOfSatisfying(KnotException.class,
                knot -> assertThat(knot.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
        assertThat(error.getMessage()).startsWith("Redis is unavailable: ").doesNotContain(PASSWORD);
    }

    private static RedisConfig configFor(String host) {
        return RedisConfig.of(List.of(host), PASSWORD, 0, "", "knot-test").withTimeouts(SHORT, SHORT);
    }

    /** A port nothing listens on: bound a moment ago and released. */
    private static int aClosedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }
}
