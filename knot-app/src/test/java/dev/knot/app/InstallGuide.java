package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The config files of the install guide the project was created from (../shared/seed beside the repository, as in
 * CI), cut out of its text so that tests load exactly what users copy.
 */
public final class InstallGuide {
    public static final String ENCRYPT_PLACEHOLDER_LINE = "encrypt: \"knot genkey\"";

    private static final Pattern TOP_LEVEL_YAML_KEY = Pattern.compile("[A-Za-z_]+:( .*)?");

    private final List<String> lines;

    private InstallGuide(List<String> lines) {
        this.lines = lines;
    }

    public static InstallGuide read() {
        Path file = repositoryRoot().resolveSibling("shared").resolve("seed").resolve("knot-server-install.txt");
        try {
            return new InstallGuide(Files.readAllLines(file, UTF_8));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("the install guide must be at " + file + " (../shared beside the repository)", unreadable);
        }
    }

    /** The repository root: the parent of the knot-app module that the tests run in. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("knot-app")) ? here : here.getParent();
    }

    /** The knot.yml files, in the guide's order: MySQL, MySQL with a Redis cache, Redis, BadgerDB. */
    public List<String> knotYmlFiles() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("knot.yml")) {
                files.add(yamlBlockAfter(i));
            }
        }
        return files;
    }

    /** The knot.yml inside the Nomad job's template stanza. */
    public String nomadTemplateYaml() {
        StringBuilder yaml = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.trim().equals("data = <<EOF")) {
                inside = true;
            }
            else if (inside && line.trim().equals("EOF")) {
                return yaml.toString();
            }
            else if (inside) {
                yaml.append(line).append('\n');
            }
        }
        throw new IllegalStateException("no template data in the install guide's Nomad job");
    }

    public static String withKey(String yaml, String key) {
        if (!yaml.contains(ENCRYPT_PLACEHOLDER_LINE)) {
            throw new IllegalArgumentException("no encrypt placeholder in:\n" + yaml);
        }
        return yaml.replace(ENCRYPT_PLACEHOLDER_LINE, "encrypt: \"" + key + "\"");
    }

    private String yamlBlockAfter(int titleLine) {
        StringBuilder yaml = new StringBuilder();
        for (int i = titleLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean prose = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !TOP_LEVEL_YAML_KEY.matcher(line).matches();
            if (prose) {
                break;
            }
            yaml.append(line).append('\n');
        }
        return yaml.toString();
    }
}
