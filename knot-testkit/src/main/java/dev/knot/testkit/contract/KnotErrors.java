package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the contracts check the errors ports report: always a {@link KnotException} with a specific code. */
final class KnotErrors {
    private KnotErrors() {}

    static void assertFailsWith(ErrorCode expected, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(KnotException.class, error -> assertThat(error.code())
                        .as("error code of: %s", error.getMessage())
                        .isEqualTo(expected));
    }

    /** Runs {@code action}; empty when it succeeded, else the code of the {@link KnotException} it threw. */
    static Optional<ErrorCode> errorOf(Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (KnotException error) {
            return Optional.of(error.code());
        }
    }
}
