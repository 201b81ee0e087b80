package dev.knot.app.cli;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.BufferedReader;
import java.io.IOException;

/** Takes the first line of standard input as the new password: for scripts, which have no terminal to prompt. */
final class PipedPasswordReader implements PasswordReader {
    private final BufferedReader input;

    PipedPasswordReader(BufferedReader input) {
        this.input = requireNonNull(input, "input is null");
    }

    @Override
    public String readNewPassword() {
        String line;
        try {
            line = input.readLine();
        } catch (IOException failure) {
            throw new KnotException(ErrorCode.INTERNAL, "cannot read the password from standard input: "
                    + failure.getMessage(), failure);
        }
        if (line == null) {
            throw KnotException.invalid("no password on standard input: without a terminal, knot reads the new"
                    + " password as one line from standard input; nothing was changed");
        }
        return line;
    }
}
