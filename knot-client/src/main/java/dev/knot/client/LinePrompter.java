package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** Without a terminal: each answer is the next line of standard input, so `knot connect` can run from a script. */
final class LinePrompter implements Prompter {
    private final BufferedReader input;
    private final PrintWriter prompts;

    LinePrompter(BufferedReader input, PrintWriter prompts) {
        this.input = requireNonNull(input, "input is null");
        this.prompts = requireNonNull(prompts, "prompts is null");
    }

    @Override
    public String ask(String prompt) {
        prompts.print(prompt);
        prompts.flush();
        String line;
        try {
            line = input.readLine();
        } catch (IOException failure) {
            throw new ClientException("cannot read standard input: " + failure.getMessage(), failure);
        }
        // The answer was not echoed: end the prompt's line, so what is printed next starts on its own.
        prompts.println();
        prompts.flush();
        if (line == null) {
            throw ConsolePrompter.nothingEntered(prompt);
        }
        return line;
    }

    @Override
    public String askHidden(String prompt) {
        // Nothing echoes a pipe; the answer is read like any other.
        return ask(prompt);
    }
}
