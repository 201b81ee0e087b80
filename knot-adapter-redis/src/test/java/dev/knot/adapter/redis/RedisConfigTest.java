package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisConfigTest {
    @Test
    void aColonIsAppendedToThePrefixWhenMissingAsTheOriginalDoes() {
        assertThat(config(List.of("redis:6379"), 0, "", "knot").keyPrefix()).isEqualTo("knot:");
        assertThat(config(List.of("redis:6379"), 0, "", "knot:").keyPrefix()).isEqualTo("knot:");
        assertThat(config(List.of("redis:6379"), 0, "", "").keyPrefix()).isEmpty();
    }

    @Test
    void oneHostIsASingleServerSeveralAClusterAndAMasterNameMeansSentinels() {
        assertThat(config(List.of("redis:6379"), 3, "", "").topology()).isEqualTo(RedisConfig.Topology.SINGLE);
        assertThat(config(List.of("a:7000", "b:7001"), 0, "", "").topology())
                .isEqualTo(RedisConfig.Topology.CLUSTER);
        assertThat(config(List.of("a:26379", "b:26379"), 2, "mymaster", "").topology())
                .isEqualTo(RedisConfig.Topology.SENTINEL);
        assertThat(config(List.of("a:26379"), 0, "mymaster", "").topology())
                .isEqualTo(RedisConfig.Topology.SENTINEL);
    }

    @Test
    void aClusterHasOnlyDatabaseZero() {
        assertThatThrownBy(() -> config(List.of("a:7000", "b:7001"), 1, "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server.redis.db")
                .hasMessageContaining("cluster");
    }

    @Test
    void unreadableHostsAndSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> config(List.of(), 0, "", "")).hasMessageContaining("server.redis.hosts");
        assertThatThrownBy(() -> config(List.of("redis:notaport"), 0, "", ""))
                .hasMessageContaining("server.redis.hosts")
                .hasMessageContaining("redis:notaport");
        assertThatThrownBy(() -> config(List.of("redis:6379"), -1, "", "")).hasMessageContaining("server.redis.db");
        assertThatThrownBy(() -> RedisConfig.of(List.of("redis:6379"), "", 0, "", "")
                .withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("connect timeout");
    }

    @Test
    void toStringNeverShowsThePassword() {
        RedisConfig config = RedisConfig.of(List.of("redis:6379"), "s3cr3t-p4ss", 0, "", "");

        assertThat(config.toString()).doesNotContain("s3cr3t-p4ss").contains("password=(redacted)");
        assertThat(RedisConfig.of(List.of("redis:6379"), "", 0, "", "").toString()).contains("password=(empty)");
    }

    private static RedisConfig config(List<String> hosts, int database, String masterName, String prefix) {
        return RedisConfig.of(hosts, "", database, masterName, prefix);
    }
}
