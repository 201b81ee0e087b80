package dev.knot.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;

/** Where `knot admin` reads a new password from: never from the command line, where `ps` and shell history see it. */
public interface PasswordReader {
    /**
     * @return the new password as typed (the domain checks its rules)
     * @throws dev.knot.ports.model.KnotException when none was given, or the two entries at a terminal differ
     */
    String readNewPassword();

    /**
     * At a terminal: asked twice without echo. Otherwise (a script, a pipe): the first line of {@code input}, in
     * UTF-8, so {@code echo "$PASSWORD" | knot admin set-password ...} works.
     *
     * @param console {@link System#console()}: null when standard input or output is not a terminal
     */
    static PasswordReader forProcess(Console console, InputStream input) {
        if (console != null) {
            return new TerminalPasswordReader(prompt -> console.readPassword("%s", prompt));
        }
        return new PipedPasswordReader(new BufferedReader(new InputStreamReader(requireNonNull(input, "input is null"),
                UTF_8)));
    }
}
