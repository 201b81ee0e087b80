package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;

/** Asks the user for what `knot connect` needs: an email address, a password, a token. */
public interface Prompter {
    /** Shows {@code prompt} and reads one line, echoed. */
    String ask(String prompt);

    /** Shows {@code prompt} and reads one line without echo (a password or a token). */
    String askHidden(String prompt);

    /**
     * At a terminal: the console, hidden input unechoed. Otherwise (a script, a pipe, a test): one line of
     * {@code input} per question, in UTF-8, with the prompts written to {@code prompts}.
     *
     * @param console {@link System#console()}: null when standard input or output is not a terminal
     */
    static Prompter forProcess(Console console, InputStream input, PrintWriter prompts) {
        if (console != null) {
            return new ConsolePrompter(console);
        }
        return new LinePrompter(new BufferedReader(new InputStreamReader(requireNonNull(input, "input is null"), UTF_8)),
                requireNonNull(prompts, "prompts is null"));
    }
}
