package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps knot's block in ~/.ssh/authorized_keys (reference §6.5): the lines between the markers are replaced, the
 * rest of the file stays as the user wrote it. The file is 0600 and ~/.ssh 0700 (the original wrote the file 0700).
 */
final class AuthorizedKeys {
    static final String BEGIN = "# knot-authorized-keys begin";
    static final String END = "# knot-authorized-keys end";

    private final Path file;
    private final Function<String, String> githubKeys;

    /** {@code githubKeys} gives a GitHub user's public keys, one a line (empty if none). */
    AuthorizedKeys(Path home, Function<String, String> githubKeys) {
        this.file = requireNonNull(home, "home is null").resolve(".ssh").resolve("authorized_keys");
        this.githubKeys = requireNonNull(githubKeys, "githubKeys is null");
    }

    Path file() {
        return file;
    }

    /** Writes {@code key} and the GitHub user's keys into the block; with neither, the block is removed. */
    synchronized void update(String key, String githubUsername) throws IOException {
        requireNonNull(key, "key is null");
        requireNonNull(githubUsername, "githubUsername is null");
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            boolean inBlock = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.equals(BEGIN)) {
                    inBlock = true;
                }
                else if (line.equals(END)) {
                    inBlock = false;
                }
                else if (!inBlock) {
                    kept.add(line);
                }
            }
        }
        List<String> block = new ArrayList<>();
        addLines(key, block);
        addLines(githubUsername.isBlank() ? "" : githubKeys.apply(githubUsername.strip()), block);
        if (!block.isEmpty()) {
            kept.add(BEGIN);
            kept.addAll(block);
            kept.add(END);
        }
        write(kept);
    }

    private static void addLines(String text, List<String> lines) {
        for (String line : text.strip().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
    }

    private void write(List<String> lines) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path temporary = Files.createTempFile(directory, "authorized_keys", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
