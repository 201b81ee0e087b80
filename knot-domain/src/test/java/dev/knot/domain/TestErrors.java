package dev.knot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;

/** Asserting on the domain's categorised errors. */
public final class TestErrors {
    private TestErrors() {}

    public static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(KnotException.class,
                error -> assertThat(error.code()).isEqualTo(code));
    }
}
