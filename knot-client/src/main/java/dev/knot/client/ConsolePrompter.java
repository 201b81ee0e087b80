package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.util.Arrays;

/** Asks at the terminal; hidden answers are read with echo off. */
final class ConsolePrompter implements Prompter {
    private final Console console;

    ConsolePrompter(Console console) {
        this.console = requireNonNull(console, "console is null");
    }

    @Override
    public String ask(String prompt) {
        String line = console.readLine("%s", prompt);
        if (line == null) {
            throw nothingEntered(prompt);
        }
        return line;
    }

    @Override
    public String askHidden(String prompt) {
        char[] line = console.readPassword("%s", prompt);
        if (line == null) {
            throw nothingEntered(prompt);
        }
        try {
            return new String(line);
        } finally {
            Arrays.fill(line, ' ');
        }
    }

    static ClientException nothingEntered(String prompt) {
        return new ClientException("nothing was entered at \"" + prompt.strip() + "\"; nothing was changed");
    }
}
