package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Session;
import dev.knot.testkit.fixture.AgentStateFixtures;
import dev.knot.testkit.fixture.SessionFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database's periodic purge removes the expired sessions, agent states and used nonces by its clock, and only
 * those.
 */
class MysqlExpiredRowsPurgeIT {
    @RegisterExtension
    static final ThrowawayDatabase DATABASE = new ThrowawayDatabase();

    @Test
    void purgeRemovesOnlyRowsExpiredByTheClock() {
        DATABASE.emptyTables();
        Instant now = DATABASE.clock().now();
        MysqlSessionStore sessions = new MysqlSessionStore(DATABASE.database(), DATABASE.clock());
        MysqlAgentStateStore agents = new MysqlAgentStateStore(DATABASE.database(), DATABASE.clock());
        Session expired = SessionFixtures.aSession().withExpiresAt(now.minusSeconds(1)).build();
        Session expiringNow = SessionFixtures.aSession().withExpiresAt(now).build();
        Session live = SessionFixtures.aSession().withExpiresAt(now.plusSeconds(1)).build();
        AgentState expiredAgent = AgentStateFixtures.anAgentState().withExpiresAt(now.minusMillis(1)).build();
        AgentState liveAgent = AgentStateFixtures.anAgentState().withExpiresAt(now.plus(Duration.ofSeconds(15))).build();
        sessions.save(expired);
        sessions.save(expiringNow);
        sessions.save(live);
        agents.save(expiredAgent);
        agents.save(liveAgent);

        assertThat(DATABASE.database().purgeExpired()).isEqualTo(3);

        assertThat(DATABASE.number("SELECT COUNT(*) FROM sessions")).isEqualTo(1);
        assertThat(DATABASE.number("SELECT COUNT(*) FROM agentstate")).isEqualTo(1);
        assertThat(sessions.findById(live.id())).contains(live);
        assertThat(agents.find(liveAgent.spaceId())).contains(liveAgent);
    }

    @Test
    void purgeFollowsTheClockAsItMoves() {
        DATABASE.emptyTables();
        MysqlSessionStore sessions = new MysqlSessionStore(DATABASE.database(), DATABASE.clock());
        MysqlUsedNonceStore nonces = new MysqlUsedNonceStore(DATABASE.database(), DATABASE.clock());
        Instant now = DATABASE.clock().now();
        Session session = SessionFixtures.aSession().withExpiresAt(now.plusSeconds(60)).build();
        sessions.save(session);
        nonces.markUsed("expires-with-the-session", now.plusSeconds(60));
        nonces.markUsed("lives-on", now.plusSeconds(61));

        assertThat(DATABASE.database().purgeExpired()).isZero();
        DATABASE.clock().advance(Duration.ofSeconds(60));
        assertThat(DATABASE.database().purgeExpired()).isEqualTo(2);

        assertThat(DATABASE.number("SELECT COUNT(*) FROM sessions")).isZero();
        assertThat(DATABASE.number("SELECT COUNT(*) FROM used_nonces")).isEqualTo(1);
        assertThat(nonces.markUsed("lives-on", now.plusSeconds(120))).as("the live nonce is kept").isFalse();
    }
}
