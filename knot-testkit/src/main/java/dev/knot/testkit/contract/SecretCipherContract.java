package dev.knot.testkit.contract;

import static dev.knot.testkit.contract.KnotErrors.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.out.SecretCipher;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SecretCipher}: authenticated encryption bound to associated data. Any change to a
 * ciphertext, other associated data or another key makes that one read fail with SECRET_UNREADABLE.
 */
public abstract class SecretCipherContract extends PortContract {
    private static final String OWNER = "0195e7a4-3c5e-7d2a-9f00-3b1c2d4e5f60";
    private static final String OTHER_OWNER = "0195e7a4-3c5e-7d2a-9f00-3b1c2d4e5f61";

    protected SecretCipherContract() {
        super(SecretCipher.class);
    }

    /** A cipher under a fixed key for the test; two calls in one test must share the key. */
    protected abstract SecretCipher newCipher();

    /** A cipher under a key different from {@link #newCipher()}'s. */
    protected abstract SecretCipher newCipherWithAnotherKey();

    @Test
    public void decryptReturnsWhatWasEncrypted() {
        SecretCipher cipher = newCipher();

        List<String> plaintexts =
                List.of("s3cret", "", "pässwörd 🔑 秘密", "line\nbreak\ttab\u0000nul", "x".repeat(100_000));
        for (String plaintext : plaintexts) {
            EncryptedValue encrypted = cipher.encrypt(plaintext, OWNER);

            assertThat(cipher.decrypt(encrypted, OWNER)).isEqualTo(plaintext);
        }
    }

    @Test
    public void anotherInstanceWithTheSameKeyDecrypts() {
        EncryptedValue encrypted = newCipher().encrypt("s3cret", OWNER);

        assertThat(newCipher().decrypt(encrypted, OWNER)).isEqualTo("s3cret");
    }

    @Test
    public void ciphertextDoesNotShowThePlaintext() {
        String plaintext = "correct horse battery staple";

        EncryptedValue encrypted = newCipher().encrypt(plaintext, OWNER);

        assertThat(encrypted.ciphertext()).doesNotContain(plaintext).doesNotContain("horse");
    }

    @Test
    public void twoEncryptionsOfTheSamePlaintextDiffer() {
        SecretCipher cipher = newCipher();

        EncryptedValue first = cipher.encrypt("s3cret", OWNER);
        EncryptedValue second = cipher.encrypt("s3cret", OWNER);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(cipher.decrypt(first, OWNER)).isEqualTo(cipher.decrypt(second, OWNER));
    }

    @Test
    public void tamperedCiphertextIsUnreadable() {
        SecretCipher cipher = newCipher();
        String ciphertext = cipher.encrypt("s3cret value", OWNER).ciphertext();
        // The last few characters may carry padding bits that decoders ignore, so tamper well inside the text.
        for (int position : List.of(0, ciphertext.length() / 4, ciphertext.length() / 2, 3 * ciphertext.length() / 4)) {
            EncryptedValue tampered = new EncryptedValue(replaceCharacterAt(ciphertext, position));

            assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(tampered, OWNER));
        }
    }

    @Test
    public void truncatedOrExtendedCiphertextIsUnreadable() {
        SecretCipher cipher = newCipher();
        String ciphertext = cipher.encrypt("s3cret value", OWNER).ciphertext();

        assertFailsWith(ErrorCode.SECRET_UNREADABLE,
                () -> cipher.decrypt(new EncryptedValue(ciphertext.substring(0, ciphertext.length() / 2)), OWNER));
        assertFailsWith(ErrorCode.SECRET_UNREADABLE,
                () -> cipher.decrypt(new EncryptedValue(ciphertext + ciphertext), OWNER));
    }

    @Test
    public void garbageIsUnreadable() {
        SecretCipher cipher = newCipher();

        for (String garbage : List.of("", "not a ciphertext", "AAAA", "%%%%", "s3cret")) {
            assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(new EncryptedValue(garbage), OWNER));
        }
    }

    @Test
    public void ciphertextMovedToAnotherOwnerIsUnreadable() {
        SecretCipher cipher = newCipher();
        EncryptedValue encrypted = cipher.encrypt("s3cret", OWNER);

        assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(encrypted, OTHER_OWNER));
        assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(encrypted, ""));
    }

    @Test
    public void associatedDataIsNotConfusedWithThePlaintext() {
        SecretCipher cipher = newCipher();
        // A naive MAC over ad + plaintext would accept these as equal: "ab" + "c" and "a" + "bc".
        EncryptedValue encrypted = cipher.encrypt("c", "ab");

        assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(encrypted, "a"));
    }

    @Test
    public void ciphertextMadeUnderAnotherKeyIsUnreadable() {
        EncryptedValue encrypted = newCipherWithAnotherKey().encrypt("s3cret", OWNER);

        assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> newCipher().decrypt(encrypted, OWNER));
    }

    @Test
    public void aFailedReadDoesNotAffectLaterReads() {
        SecretCipher cipher = newCipher();
        EncryptedValue encrypted = cipher.encrypt("s3cret", OWNER);
        assertFailsWith(ErrorCode.SECRET_UNREADABLE, () -> cipher.decrypt(encrypted, OTHER_OWNER));

        assertThat(cipher.decrypt(encrypted, OWNER)).isEqualTo("s3cret");
        assertThat(cipher.decrypt(cipher.encrypt("next", OTHER_OWNER), OTHER_OWNER)).isEqualTo("next");
    }

    @Test
    public void concurrentUseIsSafe() {
        SecretCipher cipher = newCipher();

        List<String> decrypted = Race.run(20, index -> {
            String plaintext = "secret number " + index;
            return cipher.decrypt(cipher.encrypt(plaintext, OWNER), OWNER).equals(plaintext) ? "ok" : plaintext;
        });

        assertThat(decrypted).containsOnly("ok");
    }

    /** Swaps one character for a digit: a change in base64, hex or any other text encoding, whatever the case. */
    private static String replaceCharacterAt(String text, int position) {
        char replacement = text.charAt(position) == '0' ? '1' : '0';
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }
}
