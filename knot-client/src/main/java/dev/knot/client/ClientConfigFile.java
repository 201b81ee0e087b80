package dev.knot.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The user's config file as the client commands see it: the file given by --config, else $KNOT_CONFIG, else
 * ~/.knot.yml (or ~/.knot.yaml, the name the original knot wrote, when only that one exists). The client reads three
 * keys from it; {@code knot connect} writes two of them and keeps every other key of the file (but not its comments:
 * the file is parsed and written again).
 */
public final class ClientConfigFile {
    static final String FILE_NAME = ".knot.yml";
    static final String ORIGINAL_FILE_NAME = ".knot.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Minimised quotes must not turn a value that looks like a number into one.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private final Path path;

    private ClientConfigFile(Path path) {
        this.path = path;
    }

    /**
     * @param given the --config option, relative to the working directory
     * @throws ClientException when no file is given and there is no home directory
     */
    public static ClientConfigFile locate(Optional<Path> given, ClientEnvironment environment) {
        requireNonNull(given, "given is null");
        requireNonNull(environment, "environment is null");
        Optional<Path> chosen = given.or(() -> environment.variable("KNOT_CONFIG").map(Path::of));
        if (chosen.isPresent()) {
            return new ClientConfigFile(environment.workingDirectory().resolve(chosen.get()));
        }
        Path home = environment.requireHome("the config file (~/" + FILE_NAME + ")");
        Path preferred = home.resolve(FILE_NAME);
        Path original = home.resolve(ORIGINAL_FILE_NAME);
        return new ClientConfigFile(!Files.exists(preferred) && Files.exists(original) ? original : preferred);
    }

    public Path path() {
        return path;
    }

    /** The client's keys; none when the file does not exist. */
    public ClientConfigValues read() {
        Optional<ObjectNode> root = readRoot();
        if (root.isEmpty()) {
            return ClientConfigValues.NONE;
        }
        JsonNode client = root.get().path("client");
        if (!client.isMissingNode() && !client.isNull() && !client.isObject()) {
            throw new ClientException(path + ": client: expected a section with server and token");
        }
        return new ClientConfigValues(
                text(client.path("server"), "client.server"),
                text(client.path("token"), "client.token"),
                flag(root.get().path("tls_skip_verify"), "tls_skip_verify"));
    }

    /**
     * Sets {@code client.server} and {@code client.token}, keeping the file's other keys, and leaves the file with mode
     * 0600 (it holds a secret now, whatever its mode was).
     *
     * @throws ClientException when the file exists but cannot be read as YAML: it is not changed then
     */
    public void saveConnection(ServerAddress server, String token) {
        requireNonNull(server, "server is null");
        requireNonNull(token, "token is null");
        ObjectNode root = readRoot().orElseGet(JsonNodeFactory.instance::objectNode);
        JsonNode existing = root.path("client");
        if (!existing.isMissingNode() && !existing.isNull() && !existing.isObject()) {
            throw new ClientException(path + ": client: expected a section with server and token; the file was not"
                    + " changed");
        }
        ObjectNode client = existing.isObject() ? (ObjectNode) existing : root.putObject("client");
        client.put("server", server.toString());
        client.put("token", token);
        try {
            PrivateFiles.write(path, YAML.writeValueAsBytes(root));
        } catch (IOException failure) {
            throw new ClientException("cannot write " + path + ": " + failure.getMessage(), failure);
        }
    }

    private Optional<ObjectNode> readRoot() {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException failure) {
            throw new ClientException("cannot read " + path + ": " + failure.getMessage(), failure);
        }
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException invalid) {
            // Only the position: the parser's message quotes the offending line, which may be the token's.
            JsonLocation where = invalid instanceof JsonProcessingException processing ? processing.getLocation() : null;
            throw new ClientException(path + ": not valid YAML"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Optional.of(JsonNodeFactory.instance.objectNode());
        }
        if (!root.isObject()) {
            throw new ClientException(path + ": expected keys such as client: at the top level");
        }
        return Optional.of((ObjectNode) root);
    }

    private Optional<String> text(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw new ClientException(path + ": " + key + ": expected text");
        }
        return Optional.of(node.asText()).filter(value -> !value.isBlank());
    }

    private Optional<Boolean> flag(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return Optional.of(parseFlag(node.isValueNode() ? node.asText() : "", path + ": " + key));
    }

    /**
     * true/false (any case), or 1/0.
     *
     * @param where names the setting in the message
     */
    static boolean parseFlag(String value, String where) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ClientException(where + ": expected true or false, got \"" + value + "\"");
        };
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
