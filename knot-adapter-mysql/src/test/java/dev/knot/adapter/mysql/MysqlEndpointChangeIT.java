package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.testkit.fixture.GroupFixtures;
import dev.knot.testkit.fixture.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The endpoint moves while the pool is open (an SRV record now names another proxy) and the old one dies: the
 * pool's next connections go to the new endpoint and calls succeed again, without reopening the database.
 */
class MysqlEndpointChangeIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void newConnectionsGoWhereTheEndpointNowPoints() throws Exception {
        try (ThrowawayDatabase throwaway = ThrowawayDatabase.created();
                TcpProxy first = new TcpProxy(ThrowawayDatabase.HOST, ThrowawayDatabase.PORT);
                TcpProxy second = new TcpProxy(ThrowawayDatabase.HOST, ThrowawayDatabase.PORT)) {
            AtomicReference<InetSocketAddress> current = new AtomicReference<>(
                    new InetSocketAddress("127.0.0.1", first.port()));
            MysqlDatabase database = new MysqlDatabase(
                    throwaway.config(first.port(), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500))
                            .withEndpoint(current::get),
                    new MutableClock(),
                    SchemaMigrations.latest());
            database.start();
            try {
                MysqlGroupRepository groups = new MysqlGroupRepository(database);
                Group before = GroupFixtures.aGroup().build();
                groups.save(before);

                current.set(new InetSocketAddress("127.0.0.1", second.port()));
                first.cut();

                Group after = GroupFixtures.aGroup().build();
                await().atMost(BOUND).ignoreExceptionsInstanceOf(KnotException.class).untilAsserted(() -> {
                    groups.save(after);
                    assertThat(groups.findAll()).containsExactlyInAnyOrder(before, after);
                });
            } finally {
                database.close();
            }
        }
    }
}
