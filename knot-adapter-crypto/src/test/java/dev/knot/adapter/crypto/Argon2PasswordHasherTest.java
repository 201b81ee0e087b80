package dev.knot.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.testkit.contract.PasswordHasherContract;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest extends PasswordHasherContract {
    // A cheap cost keeps the contract fast; CryptoModuleTest covers the production defaults.
    private static final PasswordHashingConfig TEST_COST = new PasswordHashingConfig(64, 1, 1);

    // Made by the reference implementation (Debian's argon2 utility, libargon2 20171227):
    // echo -n "password" | argon2 somesaltsomesalt -id -t 2 -m 10 -p 1 -l 32 -e
    private static final PasswordHash REFERENCE =
            new PasswordHash("$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA");
    // echo -n "pässwörd 🔑" | argon2 saltsaltsaltsalt -id -t 3 -m 6 -p 2 -l 32 -e
    private static final PasswordHash REFERENCE_TWO_LANES =
            new PasswordHash("$argon2id$v=19$m=64,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$E3R0D31JtHTMBwriprFmsvoZEI/A6X4Gg0PyZbcfSKs");

    // Made by knot-domain's Pbkdf2PasswordHasher(1000), the hasher before this one.
    private static final PasswordHash LEGACY =
            new PasswordHash("pbkdf2-sha256$1000$UngIEnGTdhf4ci6O7hLoZg$YVLJfkWykIHqlOLoXPyh6kHMtFmVqVAKr6YgjECOR1E");
    private static final PasswordHash LEGACY_UNICODE =
            new PasswordHash("pbkdf2-sha256$1000$1bu0De3rWMWOJZZdRZxySQ$TgnwqE5hZfws+iiFEqTY/0cHyVGwhBN7aSvJK6Hg66E");

    @Override
    protected PasswordHasher newHasher() {
        return new Argon2PasswordHasher(TEST_COST, new SecureRandom());
    }

    @Test
    void hashesAreArgon2idInThePhcFormatWithTheConfiguredCost() {
        PasswordHash hash = newHasher().hash("correct horse");

        assertThat(hash.encoded()).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void hashesOfTheReferenceImplementationVerify() {
        PasswordHasher hasher = newHasher();

        assertThat(hasher.verify("password", REFERENCE)).isTrue();
        assertThat(hasher.verify("Password", REFERENCE)).isFalse();
        assertThat(hasher.verify("pässwörd 🔑", REFERENCE_TWO_LANES)).isTrue();
        assertThat(hasher.verify("passwörd 🔑", REFERENCE_TWO_LANES)).isFalse();
    }

    @Test
    void passwordsOfTheMaximumLengthCountToTheLastCharacter() {
        PasswordHasher hasher = newHasher();
        String prefix = "x".repeat(1023);

        PasswordHash hash = hasher.hash(prefix + "a");

        assertThat(hasher.verify(prefix + "a", hash)).isTrue();
        assertThat(hasher.verify(prefix + "b", hash)).isFalse();
    }

    @Test
    void legacyPbkdf2HashesStillVerify() {
        PasswordHasher hasher = newHasher();

        assertThat(hasher.verify("correct horse", LEGACY)).isTrue();
        assertThat(hasher.verify("correct horse ", LEGACY)).isFalse();
        assertThat(hasher.verify("pässwörd 🔑", LEGACY_UNICODE)).isTrue();
        assertThat(hasher.verify("passwörd 🔑", LEGACY_UNICODE)).isFalse();
    }

    @Test
    void legacyPbkdf2HashesAlwaysNeedARehash() {
        assertThat(newHasher().needsRehash(LEGACY)).isTrue();
    }

    @Test
    void aHashWithOtherCostNeedsARehashButStillVerifies() {
        PasswordHash cheaper = new Argon2PasswordHasher(new PasswordHashingConfig(32, 1, 1), new SecureRandom())
                .hash("correct horse");
        PasswordHasher current = newHasher();

        assertThat(current.needsRehash(cheaper)).isTrue();
        assertThat(current.verify("correct horse", cheaper)).isTrue();
        assertThat(current.needsRehash(REFERENCE)).isTrue();
    }

    @Test
    void eachCostParameterCountsForRehashing() {
        PasswordHasher current = newHasher();

        assertThat(current.needsRehash(rehashOf("m=128,t=1,p=1"))).isTrue();
        assertThat(current.needsRehash(rehashOf("m=64,t=2,p=1"))).isTrue();
        assertThat(current.needsRehash(rehashOf("m=64,t=1,p=2"))).isTrue();
        assertThat(current.needsRehash(rehashOf("m=64,t=1,p=1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bcrypt$whatever",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "pbkdf2-sha256$x$y$z",
        "pbkdf2-sha256$1000$UngIEnGTdhf4ci6O7hLoZg$YVLJfkWykIHqlOLoXPyh6kHMtFmVqVAKr6YgjECOR1",
        "pbkdf2-sha256$0$UngIEnGTdhf4ci6O7hLoZg$YVLJfkWykIHqlOLoXPyh6kHMtFmVqVAKr6YgjECOR1E",
        "$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=16$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=19$m=1024,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=19$m=1024,t=2,p=1$c29tZQ$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA",
        "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rx",
        "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$C",
        "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA$",
    })
    void aMalformedStoredHashNeverVerifiesAndNeedsARehash(String encoded) {
        PasswordHasher hasher = newHasher();
        PasswordHash hash = new PasswordHash(encoded);

        assertThat(hasher.verify("password", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isTrue();
    }

    /** A well-formed hash with the given cost and the salt and hash lengths this hasher writes. */
    private static PasswordHash rehashOf(String cost) {
        return new PasswordHash("$argon2id$v=19$" + cost + "$c29tZXNhbHRzb21lc2FsdA$"
                + "CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA");
    }
}
