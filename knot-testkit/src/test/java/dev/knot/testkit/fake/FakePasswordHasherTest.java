package dev.knot.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.testkit.contract.PasswordHasherContract;
import org.junit.jupiter.api.Test;

class FakePasswordHasherTest extends PasswordHasherContract {
    @Override
    protected PasswordHasher newHasher() {
        return new FakePasswordHasher();
    }

    @Test
    void hashOfAnotherAlgorithmNeedsRehashAndNeverVerifies() {
        PasswordHash bcrypt = new PasswordHash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy");

        assertThat(newHasher().needsRehash(bcrypt)).isTrue();
        assertThat(newHasher().verify("password", bcrypt)).isFalse();
    }

    @Test
    void malformedHashNeverVerifies() {
        PasswordHasher hasher = newHasher();

        assertThat(hasher.verify("password", new PasswordHash("fake-sha256$not base64$"))).isFalse();
        assertThat(hasher.verify("password", new PasswordHash("fake-sha256$only-one-part"))).isFalse();
    }
}
