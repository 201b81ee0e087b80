package dev.knot.app.config;

import static java.util.stream.Collectors.joining;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.List;

/** The configuration cannot be used; carries every problem found, so the operator fixes them in one pass. */
public class InvalidConfigException extends KnotException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(ErrorCode.INVALID_ARGUMENT, describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).collect(joining("\n", "invalid configuration:\n", ""));
    }
}
