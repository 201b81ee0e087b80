package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.KnotException;
import java.util.Arrays;

/** Asks for the new password twice without echo, so a typing mistake cannot lock the user out. */
final class TerminalPasswordReader implements PasswordReader {
    /** Shows the prompt and reads one line without echo; null at end of input. */
    @FunctionalInterface
    interface HiddenPrompt {
        char[] read(String prompt);
    }

    private final HiddenPrompt prompt;

    TerminalPasswordReader(HiddenPrompt prompt) {
        this.prompt = requireNonNull(prompt, "prompt is null");
    }

    @Override
    public String readNewPassword() {
        char[] first = prompt.read("New password: ");
        if (first == null) {
            throw KnotException.invalid("no password was entered; nothing was changed");
        }
        char[] second = prompt.read("Repeat the new password: ");
        try {
            if (!Arrays.equals(first, second)) {
                throw KnotException.invalid("the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, ' ');
            if (second != null) {
                Arrays.fill(second, ' ');
            }
        }
    }
}
