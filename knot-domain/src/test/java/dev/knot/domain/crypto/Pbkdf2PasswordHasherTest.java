package dev.knot.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.testkit.contract.PasswordHasherContract;
import org.junit.jupiter.api.Test;

class Pbkdf2PasswordHasherTest extends PasswordHasherContract {
    // Few iterations keep the contract fast; production uses RECOMMENDED_ITERATIONS.
    private static final int TEST_ITERATIONS = 1_000;

    @Override
    protected PasswordHasher newHasher() {
        return new Pbkdf2PasswordHasher(TEST_ITERATIONS);
    }

    @Test
    void aHashMadeWithOtherIterationsNeedsARehash() {
        PasswordHash old = new Pbkdf2PasswordHasher(500).hash("password1");

        assertThat(newHasher().needsRehash(old)).isTrue();
        assertThat(newHasher().verify("password1", old)).isTrue();
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesStillCountInFull() {
        String base = "x".repeat(100);
        PasswordHash hash = newHasher().hash(base + "a");

        assertThat(newHasher().verify(base + "b", hash)).isFalse();
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertThat(newHasher().verify("password1", new PasswordHash("bcrypt$whatever"))).isFalse();
        assertThat(newHasher().verify("password1", new PasswordHash("pbkdf2-sha256$x$y$z"))).isFalse();
    }
}
