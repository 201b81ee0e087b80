package dev.knot.testkit.fake;

import dev.knot.ports.out.SecretCipher;
import dev.knot.testkit.contract.SecretCipherContract;
import java.security.SecureRandom;

class FakeSecretCipherTest extends SecretCipherContract {
    private final byte[] key = new byte[32];

    FakeSecretCipherTest() {
        new SecureRandom().nextBytes(key);
    }

    @Override
    protected SecretCipher newCipher() {
        return new FakeSecretCipher(key);
    }

    @Override
    protected SecretCipher newCipherWithAnotherKey() {
        return new FakeSecretCipher();
    }
}
