package dev.knot.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.AgentState;
import dev.knot.ports.model.Id;
import dev.knot.testkit.fixture.AgentStateFixtures;
import org.junit.jupiter.api.Test;

class AgentServerTokensTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final AgentState REGISTRATION = AgentStateFixtures.anAgentState()
            .withSpace(Id.of("01900000-0000-7000-8000-000000000001"))
            .withAccessTokenHash("agent-token-hash")
            .build();

    @Test
    void theTokenIsTheDocumentedHmacSoEveryServerAndEveryVersionDerivesTheSameOne() {
        // Computed outside Java: HMAC-SHA256(HMAC-SHA256(KEY, "knot agent server token v1"), space id "\n" hash).
        assertThat(new AgentServerTokens(KEY).tokenFor(REGISTRATION))
                .isEqualTo("knot_as_ndCX1NOXgyTorXn0BDTJmWGBDqnGS3kXRiD25arpiXA");
    }

    @Test
    void anotherKeyOrAnotherAccessTokenGivesAnotherToken() {
        String token = new AgentServerTokens(KEY).tokenFor(REGISTRATION);

        assertThat(new AgentServerTokens(KEY.replace('0', 'x')).tokenFor(REGISTRATION)).isNotEqualTo(token);
        assertThat(new AgentServerTokens(KEY).tokenFor(
                AgentStateFixtures.copyOf(REGISTRATION).withAccessTokenHash("another-hash").build()))
                .isNotEqualTo(token);
    }
}
