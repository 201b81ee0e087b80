package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.UserFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A single server named "srv+cache.service.consul": reached where the service lookup says, and followed when the
 * answer changes while the old address stops answering, without restarting the connection.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedisServiceRecordIT {
    private static final Duration SHORT = Duration.ofMillis(500);

    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    @Test
    void followsTheServiceWhenItsAnswerChanges() throws IOException {
        try (PausableProxy first = new PausableProxy(RedisKeyspace.HOST);
                PausableProxy second = new PausableProxy(RedisKeyspace.HOST)) {
            AtomicReference<InetSocketAddress> answer = new AtomicReference<>(socketAddress(first));
            RedisConfig config = new RedisConfig(List.of("srv+cache.service.consul"), "", 0, "", redis.keys().base(),
                    SHORT, SHORT).withServiceLookup(name -> answer.get());
            RedisConnection connection = new RedisConnection(config);
            connection.start();
            try {
                RedisUserRepository users = new RedisUserRepository(new RedisOperations(connection), redis.keys());
                User alice = UserFixtures.aUser().build();
                users.create(alice);

                answer.set(socketAddress(second));
                first.stopAnswering();

                await().atMost(Duration.ofSeconds(60)).ignoreException(KnotException.class)
                        .untilAsserted(() -> assertThat(users.findById(alice.id())).contains(alice));
                User bob = UserFixtures.aUser().build();
                users.create(bob);
                assertThat(users.findById(bob.id())).contains(bob);
            } finally {
                connection.close();
            }
        }
    }

    private static InetSocketAddress socketAddress(PausableProxy proxy) {
        String address = proxy.address();
        int colon = address.lastIndexOf(':');
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }
}
