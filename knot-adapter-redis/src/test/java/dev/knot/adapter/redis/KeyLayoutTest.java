package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.Id;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {
    private static final Id<Object> ID = Id.of("0193a5c8-7a1e-7000-8000-000000000001");

    @Test
    void keysFollowTheOriginalsNamesUnderThePrefix() {
        KeyLayout keys = KeyLayout.of(RedisConfig.of(List.of("redis:6379"), "", 0, "", "knot"));

        assertThat(keys.record(KeyLayout.Collection.USERS, ID)).isEqualTo("knot:Users:" + ID);
        assertThat(keys.record(KeyLayout.Collection.AGENT_STATES, ID)).isEqualTo("knot:AgentState:" + ID);
        assertThat(keys.ids(KeyLayout.Collection.SPACES)).isEqualTo("knot:SpaceIds");
        assertThat(keys.uniqueIndex("UsersByEmail", KeyLayout.caseless("Alice@Example.COM")))
                .isEqualTo("knot:UsersByEmail:alice@example.com");
    }

    @Test
    void inAClusterEveryKeySharesOneHashTag() {
        KeyLayout keys = KeyLayout.of(RedisConfig.of(List.of("a:7000", "b:7001"), "", 0, "", "knot"));

        assertThat(keys.record(KeyLayout.Collection.USERS, ID)).isEqualTo("knot:{knot}Users:" + ID);
        assertThat(keys.membersIndex("SpacesByUserId", ID.value())).startsWith("knot:{knot}");
    }

    @Test
    void expiringCollectionsKeepNoSetOfIds() {
        KeyLayout keys = new KeyLayout("", false);

        assertThatThrownBy(() -> keys.ids(KeyLayout.Collection.SESSIONS)).isInstanceOf(IllegalArgumentException.class);
    }
}
