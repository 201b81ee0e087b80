package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {
    @Test
    void aKeyIs32AlphanumericCharacters() {
        assertThat(EncryptionKeys.newKey(new SecureRandom())).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void valuesOutsideTheAlphabetAreRejectedRatherThanFoldedIn() {
        // 62 and 63 (after keeping 6 bits) would be 'A' and 'B' again under "mod 62"; they must be skipped.
        SecureRandom random = new ScriptedRandom(new byte[] {62, 63, (byte) 0xFE, (byte) 0xFF, 0, 1, 61});

        assertThat(EncryptionKeys.newKey(random)).startsWith("AB9").hasSize(32);
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char character : EncryptionKeys.newKey(random).toCharArray()) {
                seen.add(character);
            }
        }

        assertThat(seen).hasSize(62);
    }

    /** Returns the script's bytes first, then 0 ('A'); enough to see which bytes were skipped. */
    private static final class ScriptedRandom extends SecureRandom {
        private final byte[] script;
        private int position;

        ScriptedRandom(byte[] script) {
            this.script = script.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = position < script.length ? script[position++] : 0;
            }
        }
    }
}
