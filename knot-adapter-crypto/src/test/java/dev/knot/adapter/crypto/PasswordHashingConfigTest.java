package dev.knot.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PasswordHashingConfigTest {
    @Test
    void theDefaultsAreOwaspsFirstArgon2idOption() {
        assertThat(PasswordHashingConfig.defaults()).isEqualTo(new PasswordHashingConfig(19_456, 2, 1));
    }

    @Test
    void argon2NeedsEightKibibytesPerLane() {
        assertThat(new PasswordHashingConfig(16, 1, 2).memoryKibibytes()).isEqualTo(16);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordHashingConfig(15, 1, 2))
                .withMessage("memory must be at least 8 KiB per lane (16 KiB), got 15 KiB");
    }

    @Test
    void iterationsAndLanesArePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordHashingConfig(64, 0, 1))
                .withMessage("iterations must be positive, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordHashingConfig(64, 1, 0))
                .withMessageStartingWith("parallelism must be 1 to");
    }
}
