package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MysqlConfigTest {
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    @Test
    void toStringNeverShowsThePassword() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "hunter2-secret", "knot", 10, 100,
                LIFETIME);

        assertThat(config.toString()).doesNotContain("hunter2-secret").contains("[redacted]").contains("user=knot");
    }

    @Test
    void defaultTimeoutsConnectWithinFiveSeconds() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 10, 100, LIFETIME);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.validationTimeout()).isLessThan(config.connectTimeout());
        assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void connectsToHostAndPortUnlessGivenAnEndpoint() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db.example.com", 3307, "knot", "pw", "knot", 1, 2,
                LIFETIME);
        InetSocketAddress elsewhere = InetSocketAddress.createUnresolved("10.0.0.5", 3306);

        assertThat(config.endpoint().get()).isEqualTo(InetSocketAddress.createUnresolved("db.example.com", 3307));
        assertThat(config.withEndpoint(() -> elsewhere).endpoint().get()).isEqualTo(elsewhere);
        assertThat(config.withEndpoint(() -> elsewhere).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1)).endpoint().get()).isEqualTo(elsewhere);
    }

    @Test
    void configsWithTheSameFixedAddressAreEqual() {
        assertThat(MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "pw", "knot", 1, 2, LIFETIME))
                .isEqualTo(MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "pw", "knot", 1, 2, LIFETIME));
    }

    @Test
    void refusesADatabaseNameThatWouldChangeTheUrl() {
        assertThatThrownBy(() -> MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot?allowLoadLocalInfile=true",
                        1, 2, LIFETIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }

    @Test
    void refusesPoolLimitsThatCannotWork() {
        assertThatThrownBy(() -> MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 1, 0, LIFETIME))
                .hasMessageContaining("connection_max_open");
        assertThatThrownBy(() -> MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 11, 10, LIFETIME))
                .hasMessageContaining("connection_max_idle");
        assertThatThrownBy(() -> MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 1, 10,
                        Duration.ofSeconds(5)))
                .hasMessageContaining("connection_max_lifetime");
        assertThatThrownBy(() -> MysqlConfig.withDefaultTimeouts("db", 0, "knot", "", "knot", 1, 10, LIFETIME))
                .hasMessageContaining("port");
    }

    @Test
    void zeroLifetimeMeansNoLimit() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 0, 1, Duration.ZERO);

        assertThat(PoolSettings.of(config).getMaxLifetime()).isZero();
    }

    @Test
    void validationMustBeShorterThanConnecting() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 1, 2, LIFETIME);

        assertThatThrownBy(() -> config.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("validation timeout");
    }
}
