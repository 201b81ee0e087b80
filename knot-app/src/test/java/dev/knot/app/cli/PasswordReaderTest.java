package dev.knot.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.KnotException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordReaderTest {
    @Test
    void atATerminalThePasswordIsAskedTwice() {
        List<String> prompts = new ArrayList<>();

        String password = terminal(prompts, "pässwörd 🔑", "pässwörd 🔑").readNewPassword();

        assertThat(password).isEqualTo("pässwörd 🔑");
        assertThat(prompts).containsExactly("New password: ", "Repeat the new password: ");
    }

    @Test
    void twoDifferentEntriesAreRefused() {
        assertThatThrownBy(() -> terminal(new ArrayList<>(), "first try 1", "first try 2").readNewPassword())
                .isInstanceOf(KnotException.class)
                .hasMessage("the two passwords differ; nothing was changed");
    }

    @Test
    void theEndOfInputAtATerminalIsRefused() {
        assertThatThrownBy(() -> terminal(new ArrayList<>()).readNewPassword())
                .isInstanceOf(KnotException.class)
                .hasMessage("no password was entered; nothing was changed");
        assertThatThrownBy(() -> terminal(new ArrayList<>(), "only once 1").readNewPassword())
                .isInstanceOf(KnotException.class)
                .hasMessage("the two passwords differ; nothing was changed");
    }

    @Test
    void withoutATerminalThePasswordIsTheFirstLineOfInputSpacesIncluded() {
        PasswordReader reader = piped(" with spaces \r\nsecond line\n");

        assertThat(reader.readNewPassword()).isEqualTo(" with spaces ");
    }

    @Test
    void withoutATerminalEmptyInputIsRefused() {
        assertThatThrownBy(() -> piped("").readNewPassword())
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith("no password on standard input");
    }

    private static PasswordReader piped(String input) {
        return PasswordReader.forProcess(null, new ByteArrayInputStream(input.getBytes(UTF_8)));
    }

    /** A terminal on which the user types {@code entries} in turn, then ends the input. */
    private static PasswordReader terminal(List<String> prompts, String... entries) {
        Deque<String> typed = new ArrayDeque<>(Arrays.asList(entries));
        return new TerminalPasswordReader(prompt -> {
            prompts.add(prompt);
            return typed.isEmpty() ? null : typed.removeFirst().toCharArray();
        });
    }
}
