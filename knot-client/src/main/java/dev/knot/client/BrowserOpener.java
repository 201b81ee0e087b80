package dev.knot.client;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Shows a page to the user in their browser, if this machine has a way to. */
@FunctionalInterface
public interface BrowserOpener {
    /** @return whether a browser was asked to open {@code page} (the user is told the URL either way) */
    boolean open(URI page);

    /** xdg-open (Linux, BSD) or open (macOS), whichever is on the PATH; otherwise nothing is opened. */
    static BrowserOpener system(Optional<String> path) {
        return page -> {
            for (String launcher : List.of("xdg-open", "open")) {
                Optional<Path> program = onPath(path, launcher);
                if (program.isPresent()) {
                    try {
                        new ProcessBuilder(program.get().toString(), page.toString())
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                        return true;
                    } catch (IOException cannotStart) {
                        return false;
                    }
                }
            }
            return false;
        };
    }

    private static Optional<Path> onPath(Optional<String> path, String program) {
        for (String directory : path.orElse("").split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
