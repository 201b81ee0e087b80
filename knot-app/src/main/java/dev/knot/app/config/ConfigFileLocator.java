package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds knot.yml: the --config file, else $KNOT_CONFIG, else the first of ./knot.yml, ./.knot.yml, ./.knot.yaml,
 * ~/.knot.yml, ~/.knot.yaml that exists (.knot.yaml is what the original's `knot connect` wrote). A file named
 * explicitly must exist; finding none by search is fine (defaults apply).
 */
final class ConfigFileLocator {
    static final String CONFIG_VARIABLE = "KNOT_CONFIG";

    private final ConfigEnvironment environment;

    ConfigFileLocator(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** The file to read; a named file that does not exist is a problem, reported in the list. */
    Optional<Path> locate(Optional<Path> explicitFile, List<ConfigProblem> problems) {
        if (explicitFile.isPresent()) {
            return existing(explicitFile.get(), "--config", problems);
        }
        Optional<String> fromEnvironment = environment.variable(CONFIG_VARIABLE);
        if (fromEnvironment.isPresent()) {
            return existing(Path.of(fromEnvironment.get()), CONFIG_VARIABLE, problems);
        }
        return searchPath().stream().filter(Files::isRegularFile).findFirst();
    }

    List<Path> searchPath() {
        List<Path> candidates = new ArrayList<>();
        Path working = environment.workingDirectory();
        candidates.add(working.resolve("knot.yml"));
        candidates.add(working.resolve(".knot.yml"));
        candidates.add(working.resolve(".knot.yaml"));
        environment.homeDirectory().ifPresent(home -> {
            candidates.add(home.resolve(".knot.yml"));
            candidates.add(home.resolve(".knot.yaml"));
        });
        return List.copyOf(candidates);
    }

    private Optional<Path> existing(Path file, String namedBy, List<ConfigProblem> problems) {
        Path resolved = environment.workingDirectory().resolve(file);
        if (!Files.isRegularFile(resolved)) {
            problems.add(new ConfigProblem(file.toString(), "config file not found (named by " + namedBy + ")"));
            return Optional.empty();
        }
        return Optional.of(resolved);
    }
}
