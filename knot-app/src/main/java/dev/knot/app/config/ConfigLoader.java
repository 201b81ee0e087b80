package dev.knot.app.config;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the server configuration: finds the file, reads it against the schema, applies KNOT_* environment variables
 * and validates the result, reporting every problem at once in an {@link InvalidConfigException}.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ConfigEnvironment environment;

    public ConfigLoader(ConfigEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /**
     * @param explicitFile the --config option, if given
     * @throws InvalidConfigException listing every problem
     */
    public LoadedConfig load(Optional<Path> explicitFile) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> file = new ConfigFileLocator(environment).locate(explicitFile, problems);
        JsonNode tree = MissingNode.getInstance();
        if (file.isPresent()) {
            try {
                tree = parse(Files.readString(file.get()), file.get().toString(), problems);
            }
            catch (IOException unreadable) {
                problems.add(new ConfigProblem(
                        file.get().toString(), "cannot read the config file: " + unreadable.getMessage()));
            }
        }
        return new LoadedConfig(build(tree, problems), file);
    }

    /**
     * Loads configuration from YAML text plus this loader's environment, without looking for a file.
     *
     * @throws InvalidConfigException listing every problem
     */
    public KnotConfig fromYaml(String yaml) {
        List<ConfigProblem> problems = new ArrayList<>();
        return build(parse(yaml, "(yaml)", problems), problems);
    }

    private KnotConfig build(JsonNode tree, List<ConfigProblem> problems) {
        SettingsReader reader = new SettingsReader(problems);
        reader.readYaml(tree);
        reader.readEnvironment(environment.variables());
        Optional<KnotConfig> config = new ConfigAssembler(reader.values(), environment, problems).assemble();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config.orElseThrow();
    }

    private static JsonNode parse(String yaml, String source, List<ConfigProblem> problems) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            return tree == null ? MissingNode.getInstance() : tree;
        }
        catch (JsonProcessingException invalid) {
            JsonLocation location = invalid.getLocation();
            String where = location == null
                    ? ""
                    : format(" (line %d, column %d)", location.getLineNr(), location.getColumnNr());
            problems.add(new ConfigProblem(source, "not valid YAML" + where + ": " + invalid.getOriginalMessage()));
            return MissingNode.getInstance();
        }
    }
}
