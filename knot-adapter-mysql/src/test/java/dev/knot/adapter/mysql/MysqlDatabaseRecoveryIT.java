package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.testkit.fixture.GroupFixtures;
import dev.knot.testkit.fixture.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while knot runs, and comes back: calls fail with STORE_UNAVAILABLE in the meantime and
 * the pool reconnects by itself. A proxy between the pool and the server stands in for the outage.
 */
class MysqlDatabaseRecoveryIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void callsFailWhileTheDatabaseIsGoneAndSucceedOnceItIsBack() throws Exception {
        try (ThrowawayDatabase throwaway = ThrowawayDatabase.created();
                TcpProxy proxy = new TcpProxy(ThrowawayDatabase.HOST, ThrowawayDatabase.PORT)) {
            MysqlDatabase database = new MysqlDatabase(
                    throwaway.config(proxy.port(), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500)),
                    new MutableClock(),
                    SchemaMigrations.latest());
            database.start();
            try {
                MysqlGroupRepository groups = new MysqlGroupRepository(database);
                Group before = GroupFixtures.aGroup().build();
                groups.save(before);

                proxy.cut();
                assertTimeoutPreemptively(BOUND, () -> {
                    assertUnavailable(groups::findAll);
                    assertUnavailable(() -> groups.save(GroupFixtures.aGroup().build()));
                });

                proxy.restore();
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

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageStartingWith("the MySQL database is unavailable: ");
    }
}
