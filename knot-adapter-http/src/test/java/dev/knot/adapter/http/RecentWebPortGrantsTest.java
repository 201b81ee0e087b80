package dev.knot.adapter.http;

import static dev.knot.adapter.http.RecentWebPortGrants.Presented.BEARER;
import static dev.knot.adapter.http.RecentWebPortGrants.Presented.PASS;
import static dev.knot.testkit.fixture.AgentStateFixtures.anAgentState;
import static dev.knot.testkit.fixture.SpaceFixtures.aRunningSpace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.AgentEndpoint;
import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortTarget;
import dev.knot.ports.model.Space;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentWebPortGrantsTest {
    private static final String DOMAIN = "*.knot.test";
    private static final WebPortHost HOST = host("alice--dev--3000.knot.test");
    private static final WebPortHost OTHER_PORT = host("alice--dev--3001.knot.test");

    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentWebPortGrants grants = new RecentWebPortGrants(Duration.ofNanos(100), now::get);
    private final WebPortTarget target = target();

    @Test
    void a_grant_is_found_for_the_same_credential_presented_the_same_way_on_the_same_host() {
        grants.remember(BEARER, "Bearer knot_t_1", HOST, target);

        assertThat(grants.find(BEARER, "Bearer knot_t_1", HOST)).contains(target);
        assertThat(grants.find(BEARER, "Bearer knot_t_2", HOST)).isEmpty();
        assertThat(grants.find(PASS, "Bearer knot_t_1", HOST)).isEmpty();
        assertThat(grants.find(BEARER, "Bearer knot_t_1", OTHER_PORT)).isEmpty();
    }

    @Test
    void a_grant_ends_after_its_lifetime() {
        grants.remember(PASS, "knot_wp_1", HOST, target);

        now.addAndGet(99);
        assertThat(grants.find(PASS, "knot_wp_1", HOST)).contains(target);
        now.addAndGet(1);
        assertThat(grants.find(PASS, "knot_wp_1", HOST)).isEmpty();
    }

    @Test
    void a_full_table_drops_the_expired_grants_first_then_everything() {
        grants.remember(PASS, "old", HOST, target);
        now.addAndGet(100);
        for (int i = 1; i < RecentWebPortGrants.CAPACITY; i++) {
            grants.remember(PASS, "live-" + i, HOST, target);
        }

        grants.remember(PASS, "newest", HOST, target);
        assertThat(grants.find(PASS, "live-1", HOST)).contains(target);
        assertThat(grants.find(PASS, "newest", HOST)).contains(target);

        grants.remember(PASS, "one-too-many", HOST, target);
        assertThat(grants.find(PASS, "live-1", HOST)).isEmpty();
        assertThat(grants.find(PASS, "one-too-many", HOST)).contains(target);
    }

    private static WebPortHost host(String name) {
        return WebPortHost.parse(name, DOMAIN).orElseThrow();
    }

    private static WebPortTarget target() {
        Space space = aRunningSpace().build();
        return new WebPortTarget(new AgentEndpoint(space, anAgentState().withSpace(space.id()).build(), "token"),
                "/http/3000");
    }
}
