package dev.knot.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the agent keys of reference §2.2 from a YAML file and KNOT_* variables (a variable wins over the file) and
 * validates them. Every bad value is collected, so one run reports them all, each with its key.
 */
final class AgentConfigLoader {
    private static final int SPACE_ID_LENGTH = 36;

    private final Map<String, Object> file;
    private final Map<String, String> environment;
    private final List<String> errors = new ArrayList<>();

    private AgentConfigLoader(Map<String, Object> file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The configuration, or the list of problems (never both). */
    record Result(Optional<AgentConfig> config, List<String> errors) {
        Result {
            requireNonNull(config, "config is null");
            errors = List.copyOf(requireNonNull(errors, "errors is null"));
        }
    }

    static Result load(Optional<Path> configFile, Map<String, String> environment) {
        requireNonNull(configFile, "configFile is null");
        requireNonNull(environment, "environment is null");
        Map<String, Object> file = Map.of();
        if (configFile.isPresent()) {
            try {
                file = readYaml(configFile.get());
            }
            catch (IOException unreadable) {
                return new Result(Optional.empty(),
                        List.of("cannot read " + configFile.get() + ": " + unreadable.getMessage()));
            }
        }
        return new AgentConfigLoader(file, environment).validate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path path) throws IOException {
        Object tree = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(path), Object.class);
        return tree instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Result validate() {
        URI server = server();
        String spaceId = text("agent.space_id", "KNOT_SPACEID").orElse("");
        if (spaceId.length() != SPACE_ID_LENGTH) {
            errors.add("agent.space_id (KNOT_SPACEID): required, " + SPACE_ID_LENGTH + " characters, got \""
                    + spaceId + "\"");
        }
        HostPort listen = hostPort("agent.listen", "KNOT_LISTEN", "0.0.0.0:3000");
        HostPort advertise = advertise(listen);
        int codeServer = port("agent.port.code_server", "KNOT_CODE_SERVER_PORT");
        int ssh = port("agent.port.ssh", "KNOT_SSH_PORT");
        int vnc = port("agent.port.vnc_http", "KNOT_VNC_HTTP_PORT");
        Map<String, String> tcpPorts = portMap("agent.port.tcp_port", "KNOT_TCP_PORT");
        if (ssh > 0) {
            tcpPorts.put(Integer.toString(ssh), "SSH");
        }
        Map<String, String> httpPorts = portMap("agent.port.http_port", "KNOT_HTTP_PORT");
        Map<String, String> httpsPorts = portMap("agent.port.https_port", "KNOT_HTTPS_PORT");
        boolean enableTerminal = flag("agent.enable_terminal", "KNOT_ENABLE_TERMINAL", true);
        boolean updateKeys = flag("agent.update_authorized_keys", "KNOT_UPDATE_AUTHORIZED_KEYS", true);
        String servicePassword = text("agent.service_password", "KNOT_SERVICE_PASSWORD").orElse("");
        // Optional here: the original server takes agents without it, knot-Java's refuses them (see AgentMain).
        String registrationKey = text("agent.registration_key", "KNOT_AGENT_KEY").orElse("");
        if (flag("agent.tls.use_tls", "KNOT_USE_TLS", false)) {
            errors.add("agent.tls.use_tls (KNOT_USE_TLS): TLS on the agent listener is not implemented yet; "
                    + "set it to false");
        }
        boolean skipVerify = flag("tls_skip_verify", "KNOT_TLS_SKIP_VERIFY", false);
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(Optional.of(new AgentConfig(server, spaceId, listen, advertise, codeServer, ssh, vnc,
                tcpPorts, httpPorts, httpsPorts, enableTerminal, updateKeys, servicePassword, registrationKey,
                skipVerify)), List.of());
    }

    private URI server() {
        Optional<String> text = text("agent.server", "KNOT_SERVER");
        if (text.isEmpty()) {
            errors.add("agent.server (KNOT_SERVER): required, the server's URL (http:// or https://)");
            return URI.create("http://invalid");
        }
        String value = text.get().endsWith("/") ? text.get().substring(0, text.get().length() - 1) : text.get();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        }
        catch (URISyntaxException malformed) {
            // reported below, with the key
        }
        errors.add("agent.server (KNOT_SERVER): expected an http:// or https:// URL, got \"" + value + "\"");
        return URI.create("http://invalid");
    }

    private HostPort advertise(HostPort listen) {
        Optional<String> text = text("agent.advertise", "KNOT_ADVERTISE");
        if (text.isPresent()) {
            HostPort advertise = hostPort("agent.advertise", "KNOT_ADVERTISE", text.get());
            if (advertise.isWildcard() || advertise.port() == 0) {
                errors.add("agent.advertise (KNOT_ADVERTISE): must name a host and port the server can reach, got \""
                        + text.get() + "\"");
            }
            return advertise;
        }
        if (listen.isWildcard() || listen.port() == 0) {
            errors.add("agent.advertise (KNOT_ADVERTISE): required when agent.listen (" + listen
                    + ") does not name a specific address and port; set it to the host:port the server reaches "
                    + "the agent at");
        }
        return listen;
    }

    private HostPort hostPort(String key, String variable, String fallback) {
        String value = text(key, variable).orElse(fallback);
        try {
            return HostPort.parse(value);
        }
        catch (IllegalArgumentException bad) {
            errors.add(key + " (" + variable + "): " + bad.getMessage());
            return new HostPort("0.0.0.0", 0);
        }
    }

    private int port(String key, String variable) {
        String value = text(key, variable).orElse("0");
        Optional<Integer> port = parsePort(value, true);
        if (port.isEmpty()) {
            errors.add(key + " (" + variable + "): expected a port 0-65535, got \"" + value + "\"");
        }
        return port.orElse(0);
    }

    private Map<String, String> portMap(String key, String variable) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String entry : list(key, variable)) {
            int equals = entry.indexOf('=');
            String port = equals < 0 ? entry : entry.substring(0, equals);
            Optional<Integer> number = parsePort(port, false);
            String name = equals < 0 ? number.map(Object::toString).orElse("") : entry.substring(equals + 1);
            if (number.isEmpty() || name.isBlank()) {
                errors.add(key + " (" + variable + "): expected port or port=Name, got \"" + entry + "\"");
            }
            else {
                // Written the one way the agent's routes accept (so "080" is reported, and reached, as "80").
                ports.put(number.get().toString(), name);
            }
        }
        return ports;
    }

    private static Optional<Integer> parsePort(String text, boolean zeroAllowed) {
        try {
            int port = Integer.parseInt(text.trim());
            return port >= (zeroAllowed ? 0 : 1) && port <= 65535 ? Optional.of(port) : Optional.empty();
        }
        catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private boolean flag(String key, String variable, boolean fallback) {
        Optional<String> value = text(key, variable);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                errors.add(key + " (" + variable + "): expected true or false, got \"" + value.get() + "\"");
                return fallback;
        }
    }

    private Optional<String> text(String key, String variable) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment.trim());
        }
        Object fromFile = lookup(key);
        if (fromFile == null || fromFile instanceof Map<?, ?> || fromFile instanceof Collection<?>) {
            return Optional.empty();
        }
        String value = fromFile.toString().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A list key: a YAML list, or a variable/scalar of comma- or space-separated entries. */
    private List<String> list(String key, String variable) {
        String fromEnvironment = environment.get(variable);
        List<String> entries = new ArrayList<>();
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            addSplit(fromEnvironment, entries);
            return entries;
        }
        Object fromFile = lookup(key);
        if (fromFile instanceof Collection<?> values) {
            for (Object value : values) {
                entries.add(String.valueOf(value).trim());
            }
        }
        else if (fromFile != null) {
            addSplit(fromFile.toString(), entries);
        }
        return entries;
    }

    private static void addSplit(String text, List<String> entries) {
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                entries.add(part);
            }
        }
    }

    private Object lookup(String key) {
        Object node = file;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }
}
