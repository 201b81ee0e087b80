package dev.knot.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import org.junit.jupiter.api.Test;

class AgentRegistrationKeysTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final Id<Space> SPACE = Id.of("01900000-0000-7000-8000-000000000001");
    private static final Id<Space> OTHER_SPACE = Id.of("01900000-0000-7000-8000-000000000002");

    private final AgentRegistrationKeys keys = new AgentRegistrationKeys(KEY);

    @Test
    void theKeyIsTheDocumentedHmacSoEveryServerAndEveryRestartOfTheJobGetsTheSameOne() {
        // Computed outside Java: HMAC-SHA256(HMAC-SHA256(KEY, "knot agent registration key v1"), space id).
        assertThat(keys.keyFor(SPACE)).isEqualTo("knot_ar_AvGM04sy3E2_TTM5ChiOubSNvbTYF5pDLBIu7j56R8w");
        assertThat(new AgentRegistrationKeys(KEY).keyFor(SPACE)).isEqualTo(keys.keyFor(SPACE));
    }

    @Test
    void anotherSpaceOrAnotherServerKeyGivesAnotherKey() {
        assertThat(keys.keyFor(OTHER_SPACE)).isNotEqualTo(keys.keyFor(SPACE));
        assertThat(new AgentRegistrationKeys(KEY.replace('0', 'x')).keyFor(SPACE)).isNotEqualTo(keys.keyFor(SPACE));
    }

    @Test
    void onlyTheSpacesOwnKeyMatches() {
        String key = keys.keyFor(SPACE);

        assertThat(keys.matches(SPACE, key)).isTrue();
        assertThat(keys.matches(OTHER_SPACE, key)).as("another space's key").isFalse();
        assertThat(keys.matches(SPACE, null)).isFalse();
        assertThat(keys.matches(SPACE, "")).isFalse();
        assertThat(keys.matches(SPACE, key.substring(0, key.length() - 1))).as("truncated").isFalse();
        assertThat(keys.matches(SPACE, key + "A")).as("extended").isFalse();
        assertThat(keys.matches(SPACE, key.toUpperCase())).isFalse();
        assertThat(keys.toString()).doesNotContain(key);
    }
}
