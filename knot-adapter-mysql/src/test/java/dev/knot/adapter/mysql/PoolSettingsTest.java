package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** knot.yml's connection_max_idle/open/lifetime and the timeouts, as HikariCP and Connector/J settings. */
class PoolSettingsTest {
    @Test
    void mapsThePoolKeysAndTimeouts() {
        MysqlConfig config = new MysqlConfig("db", 3306, "knot", "pw", "knot", 10, 100, Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(3));

        HikariConfig hikari = PoolSettings.of(config);

        assertThat(hikari.getPoolName()).isEqualTo("knot-mysql");
        assertThat(hikari.getDataSource()).isInstanceOf(EndpointDataSource.class);
        assertThat(hikari.getMaximumPoolSize()).isEqualTo(100);
        assertThat(hikari.getMinimumIdle()).isEqualTo(10);
        assertThat(hikari.getMaxLifetime()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(hikari.getConnectionTimeout()).isEqualTo(5_000);
        assertThat(hikari.getValidationTimeout()).isEqualTo(3_000);
        assertThat(hikari.getKeepaliveTime()).isPositive().isLessThan(hikari.getMaxLifetime());
        assertThat(PoolSettings.connectionProperties(config))
                .containsEntry("user", "knot")
                .containsEntry("password", "pw")
                .containsEntry("connectTimeout", "5000")
                .containsEntry("socketTimeout", "30000")
                .containsEntry("useAffectedRows", "false");
    }

    @Test
    void keepaliveIsOffWhenItWouldNotFitBelowTheLifetime() {
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("db", 3306, "knot", "", "knot", 1, 2,
                Duration.ofSeconds(45));

        assertThat(PoolSettings.of(config).getKeepaliveTime()).isZero();
    }
}
