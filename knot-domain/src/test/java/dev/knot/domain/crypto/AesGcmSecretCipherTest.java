package dev.knot.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.SecretCipher;
import dev.knot.testkit.contract.SecretCipherContract;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest extends SecretCipherContract {
    @Override
    protected SecretCipher newCipher() {
        return new AesGcmSecretCipher("0123456789abcdefghijABCDEFGHIJ01");
    }

    @Override
    protected SecretCipher newCipherWithAnotherKey() {
        return new AesGcmSecretCipher("ZYXWVUTSRQPONMLKJIHGFEDCBA987654");
    }

    @Test
    void keysOfOtherLengthsThanAesAllowsAreRefusedWithTheGenkeyHint() {
        assertThatThrownBy(() -> new AesGcmSecretCipher("too-short"))
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(error.getMessage()).contains("knot genkey").doesNotContain("too-short");
                });
    }

    @Test
    void theStoredFormIsTheOriginalsNonceThenCiphertextAndTag() {
        EncryptedValue value = newCipher().encrypt("abc", "record-id");

        byte[] raw = Base64.getDecoder().decode(value.ciphertext());

        assertThat(raw).hasSize(12 + 3 + 16);
    }

    @Test
    void garbageIsUnreadableNotACrash() {
        SecretCipher cipher = newCipher();

        for (String garbage : new String[] {"", "not base64 !!", "AAAA"}) {
            assertThatThrownBy(() -> cipher.decrypt(new EncryptedValue(garbage), "id"))
                    .isInstanceOfSatisfying(KnotException.class,
                            error -> assertThat(error.code()).isEqualTo(ErrorCode.SECRET_UNREADABLE));
        }
    }
}
