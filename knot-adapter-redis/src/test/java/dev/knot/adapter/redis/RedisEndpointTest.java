package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisEndpointTest {
    @ParameterizedTest
    @CsvSource({
        "localhost:6379, localhost, 6379, redis://localhost:6379",
        "10.0.0.5:7000, 10.0.0.5, 7000, redis://10.0.0.5:7000",
        "redis.service.consul, redis.service.consul, 6379, redis://redis.service.consul:6379",
        "[::1]:6380, ::1, 6380, redis://[::1]:6380",
        "[2001:db8::7], 2001:db8::7, 6379, redis://[2001:db8::7]:6379",
        "my_redis:1, my_redis, 1, redis://my_redis:1"
    })
    void addressesAreReadWithTheDefaultPortWhenNoneIsGiven(String entry, String host, int port, String uri) {
        RedisEndpoint.Address address = (RedisEndpoint.Address) RedisEndpoint.parse(entry);

        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port()).isEqualTo(port);
        assertThat(address.uri()).isEqualTo(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"srv+redis.service.consul", "srv+_redis._tcp.example.com"})
    void srvEntriesNameTheRecordToLookUp(String entry) {
        assertThat(RedisEndpoint.parse(entry))
                .isEqualTo(new RedisEndpoint.ServiceRecord(entry.substring("srv+".length())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "srv+", "srv+bad name", "redis:", "redis:0", "redis:65536", "redis:123456", "redis://localhost:6379",
        "::1", "::1:6379", "[::1]:x", "host name:6379", ":6379", "a:b:c"
    })
    void unreadableEntriesAreRefusedNamingTheEntryAndTheForms(String entry) {
        assertThatThrownBy(() -> RedisEndpoint.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server.redis.hosts: cannot read \"" + entry + "\"")
                .hasMessageContaining("host:port");
    }
}
