package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One numbered schema change: a script of statements, each ending with ";" at the end of a line. Lines starting
 * with "--" are comments.
 *
 * @param resource a class path resource, relative to this package
 */
record Migration(int version, String description, String resource) {
    Migration {
        requireNonNull(description, "description is null");
        requireNonNull(resource, "resource is null");
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
    }

    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script().lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String text = statement.toString().strip();
                statements.add(text.substring(0, text.length() - 1));
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            throw new IllegalStateException("migration " + resource + " ends with a statement without ';'");
        }
        return statements;
    }

    private String script() {
        try (InputStream input = Migration.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the class path");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read migration script " + resource, failure);
        }
    }
}
