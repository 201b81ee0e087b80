package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.UserFixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis going away while knot runs: calls fail with STORE_UNAVAILABLE (and return), and work again once Redis
 * is back, without restarting anything. The timeout only guards the build against a hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisOutageIT {
    private static final Duration SHORT = Duration.ofMillis(500);

    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Test
    void callsFailWhileRedisStopsAnsweringAndSucceedAgainOnceItAnswers() throws IOException {
        try (PausableProxy proxy = new PausableProxy(RedisKeyspace.HOST)) {
            RedisConfig config = new RedisConfig(List.of(proxy.address()), "", 0, "", redis.keys().base(), SHORT,
                    SHORT);
            RedisConnection connection = new RedisConnection(config);
            connection.start();
            try {
                RedisUserRepository users = new RedisUserRepository(new RedisOperations(connection), redis.keys());
                User alice = UserFixtures.aUser().build();
                users.create(alice);

                proxy.stopAnswering();
                assertThatThrownBy(() -> users.findById(alice.id()))
                        .isInstanceOfSatisfying(KnotException.class,
                                error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                        .hasMessageStartingWith("Redis is unavailable: ");
                assertThatThrownBy(() -> users.create(UserFixtures.aUser().build()))
                        .isInstanceOfSatisfying(KnotException.class,
                                error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));

                proxy.answerAgain();
                await().atMost(Duration.ofSeconds(60)).ignoreException(KnotException.class)
                        .untilAsserted(() -> assertThat(users.findById(alice.id())).contains(alice));
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void aWrongPasswordFailsTheStartWithoutShowingIt() {
        String password = "not-the-password-" + System.nanoTime();
        RedisConfig config = new RedisConfig(List.of(RedisKeyspace.HOST), password, 0, "", redis.keys().base(),
                SHORT, SHORT);
        RedisConnection connection = new RedisConnection(config);

        assertThatThrownBy(connection::start)
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageStartingWith("Redis is unavailable: ")
                .hasMessageNotContaining(password);

        connection.close();
    }
}
