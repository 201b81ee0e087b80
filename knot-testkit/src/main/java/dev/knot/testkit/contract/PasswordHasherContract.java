package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PasswordHasher}. Production hashers are slow on purpose, so each test hashes as few
 * passwords as it can.
 */
public abstract class PasswordHasherContract extends PortContract {
    protected PasswordHasherContract() {
        super(PasswordHasher.class);
    }

    /** A hasher with its current parameters; two calls in one test must use the same ones. */
    protected abstract PasswordHasher newHasher();

    @Test
    public void verifyAcceptsTheRightPasswordAndRejectsWrongOnes() {
        PasswordHasher hasher = newHasher();

        PasswordHash hash = hasher.hash("correct horse");

        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horse ", hash)).isFalse();
        assertThat(hasher.verify("Correct horse", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    public void unicodePasswordsVerify() {
        PasswordHasher hasher = newHasher();

        PasswordHash hash = hasher.hash("pässwörd 🔑 秘密");

        assertThat(hasher.verify("pässwörd 🔑 秘密", hash)).isTrue();
        assertThat(hasher.verify("passwort 🔑 秘密", hash)).isFalse();
    }

    /** Guards against hashes that only look at a prefix (bcrypt ignores everything after 72 bytes). */
    @Test
    public void longPasswordsDifferingOnlyAtTheEndDoNotMatch() {
        PasswordHasher hasher = newHasher();
        String prefix = "p".repeat(100);

        PasswordHash hash = hasher.hash(prefix + "A");

        assertThat(hasher.verify(prefix + "A", hash)).isTrue();
        assertThat(hasher.verify(prefix + "B", hash)).isFalse();
    }

    @Test
    public void hashesAreSaltedSoTheSamePasswordHashesDifferently() {
        PasswordHasher hasher = newHasher();

        PasswordHash first = hasher.hash("same password");
        PasswordHash second = hasher.hash("same password");

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    public void hashDoesNotContainThePassword() {
        PasswordHash hash = newHasher().hash("correct horse battery staple");

        assertThat(hash.encoded()).doesNotContain("correct horse battery staple").doesNotContain("horse");
    }

    @Test
    public void anotherInstanceVerifiesTheHash() {
        PasswordHash hash = newHasher().hash("correct horse");

        assertThat(newHasher().verify("correct horse", hash)).isTrue();
    }

    @Test
    public void freshHashDoesNotNeedRehash() {
        PasswordHasher hasher = newHasher();

        assertThat(hasher.needsRehash(hasher.hash("correct horse"))).isFalse();
    }
}
