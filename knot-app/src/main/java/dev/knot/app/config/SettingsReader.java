package dev.knot.app.config;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a parsed knot.yml against {@link Settings}, then applies the KNOT_* environment variables on top, recording
 * a problem (with its YAML path) for every unknown key and every value of the wrong type instead of stopping at the
 * first.
 */
final class SettingsReader {
    private final Map<String, Setting<?>> settingsByPath = new LinkedHashMap<>();
    private final Set<String> sectionPaths = new TreeSet<>();
    private final List<ConfigProblem> problems;
    private final ConfigValues values = new ConfigValues();

    SettingsReader(List<ConfigProblem> problems) {
        this.problems = requireNonNull(problems, "problems is null");
        for (Setting<?> setting : Settings.all()) {
            settingsByPath.put(setting.path(), setting);
            String section = setting.section();
            while (!section.isEmpty()) {
                sectionPaths.add(section);
                int lastDot = section.lastIndexOf('.');
                section = lastDot < 0 ? "" : section.substring(0, lastDot);
            }
        }
    }

    ConfigValues values() {
        return values;
    }

    void readYaml(JsonNode root) {
        if (root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add(
                    new ConfigProblem("(file)", "expected a YAML map of sections, got " + ValueTypes.describe(root)));
            return;
        }
        readSection("", root);
    }

    void readEnvironment(Map<String, String> environment) {
        for (Setting<?> setting : Settings.all()) {
            Optional<String> name = setting.environmentVariable();
            if (name.isPresent() && environment.containsKey(name.get())) {
                readEnvironmentValue(setting, name.get(), environment.get(name.get()));
            }
        }
    }

    private <T> void readEnvironmentValue(Setting<T> setting, String name, String text) {
        try {
            values.set(setting, setting.type().fromText(text));
        }
        catch (IllegalArgumentException invalid) {
            problems.add(new ConfigProblem(setting.path(), format("(from %s) %s", name, invalid.getMessage())));
        }
    }

    private void readSection(String sectionPath, JsonNode section) {
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = sectionPath.isEmpty() ? field.getKey() : sectionPath + "." + field.getKey();
            readField(path, field.getValue());
        }
    }

    private void readField(String path, JsonNode node) {
        Setting<?> setting = settingsByPath.get(path);
        if (setting != null) {
            readYamlValue(setting, node);
            return;
        }
        if (sectionPaths.contains(path)) {
            if (node.isObject()) {
                readSection(path, node);
            }
            else if (!node.isNull()) {
                problems.add(new ConfigProblem(path, "expected a section, got " + ValueTypes.describe(node)));
            }
            return;
        }
        if (Settings.OTHER_COMMANDS_SECTIONS.contains(path)) {
            return;
        }
        problems.add(new ConfigProblem(path, "unknown key" + suggestion(path)));
    }

    private <T> void readYamlValue(Setting<T> setting, JsonNode node) {
        // An empty value ("host:" or "host: ~") means "not set", as it did for the original.
        if (node.isNull()) {
            return;
        }
        try {
            values.set(setting, setting.type().fromYaml(node));
        }
        catch (IllegalArgumentException invalid) {
            problems.add(new ConfigProblem(setting.path(), invalid.getMessage()));
        }
    }

    private String suggestion(String path) {
        int lastDot = path.lastIndexOf('.');
        String prefix = lastDot < 0 ? "" : path.substring(0, lastDot + 1);
        String key = path.substring(lastDot + 1);
        Set<String> siblings = new TreeSet<>();
        for (String known : settingsByPath.keySet()) {
            siblingName(prefix, known).ifPresent(siblings::add);
        }
        for (String known : sectionPaths) {
            siblingName(prefix, known).ifPresent(siblings::add);
        }
        if (prefix.isEmpty()) {
            siblings.addAll(Settings.OTHER_COMMANDS_SECTIONS);
        }
        return ClosestKey.among(key, siblings)
                .map(closest -> " (did you mean " + prefix + closest + "?)")
                .orElse("");
    }

    private static Optional<String> siblingName(String prefix, String known) {
        if (!known.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = known.substring(prefix.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
