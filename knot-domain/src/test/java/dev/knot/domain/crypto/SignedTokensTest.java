package dev.knot.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedTokensTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String PAYLOAD = "alice\nbob--space--8080.knot.example.com\n1741964966535";

    private final SignedTokens tokens = new SignedTokens(KEY, "test purpose v1", "knot_x_");

    @Test
    void aSignedPayloadVerifies() {
        String token = tokens.sign(PAYLOAD);

        assertThat(token).startsWith("knot_x_").matches("[A-Za-z0-9_.-]+");
        assertThat(tokens.verify(token)).contains(PAYLOAD);
        assertThat(new SignedTokens(KEY, "test purpose v1", "knot_x_").verify(token)).contains(PAYLOAD);
    }

    @Test
    void anotherPurposeOrKeyDoesNotAcceptIt() {
        String token = tokens.sign(PAYLOAD);

        assertThat(new SignedTokens(KEY, "test purpose v2", "knot_x_").verify(token)).isEmpty();
        assertThat(new SignedTokens(KEY.toUpperCase(), "test purpose v1", "knot_x_").verify(token)).isEmpty();
        assertThat(new SignedTokens(KEY, "test purpose v1", "knot_y_").verify(token)).isEmpty();
    }

    @Test
    void flippingAnyCharacterIsRefused() {
        String token = tokens.sign(PAYLOAD);

        for (int index = 0; index < token.length(); index++) {
            char original = token.charAt(index);
            char flipped = original == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, index) + flipped + token.substring(index + 1);
            assertThat(tokens.verify(tampered)).as("changed at %d", index).isEmpty();
        }
    }

    @Test
    void aPayloadSwappedUnderTheMacIsRefused() {
        String token = tokens.sign(PAYLOAD);
        String mac = token.substring(token.indexOf('.'));
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(PAYLOAD.replace("alice", "admin").getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify("knot_x_" + otherPayload + mac)).isEmpty();
    }

    @Test
    void aTruncatedOrPaddedTokenIsRefused() {
        String token = tokens.sign(PAYLOAD);

        assertThat(tokens.verify(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.verify(token + "=")).isEmpty();
        assertThat(tokens.verify(token + "A")).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.indexOf('.')))).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.indexOf('.') + 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "knot_x_", "knot_x_.", "knot_x_a.b", "knot_x_!!!.???", "knot_x_YQ.YQ.YQ"})
    void malformedTokensAreRefused(String token) {
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void nullAndOversizedTokensAreRefused() {
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify(tokens.sign("x".repeat(SignedTokens.MAXIMUM_LENGTH)))).isEmpty();
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(tokens.toString()).doesNotContain(KEY);
    }
}
