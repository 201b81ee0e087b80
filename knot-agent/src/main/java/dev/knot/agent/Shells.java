package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the shell for a terminal: the one asked for if it exists, else zsh, bash, sh (reference §6.4). */
final class Shells {
    private static final List<String> FALLBACKS = List.of("zsh", "bash", "sh");

    private final String searchPath;

    Shells(String searchPath) {
        this.searchPath = requireNonNull(searchPath, "searchPath is null");
    }

    /** {@code requested} is a bare name (the route allows only a-z), looked up on the search path. */
    Optional<Path> find(String requested) {
        Optional<Path> found = onPath(requested);
        for (String fallback : FALLBACKS) {
            if (found.isPresent()) {
                return found;
            }
            found = onPath(fallback);
        }
        return found;
    }

    private Optional<Path> onPath(String name) {
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
