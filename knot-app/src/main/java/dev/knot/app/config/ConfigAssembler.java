package dev.knot.app.config;

import static dev.knot.app.config.Settings.AGENT_PATH;
import static dev.knot.app.config.Settings.AGENT_URL;
import static dev.knot.app.config.Settings.BADGERDB_ENABLED;
import static dev.knot.app.config.Settings.BADGERDB_PATH;
import static dev.knot.app.config.Settings.CORE_SERVER;
import static dev.knot.app.config.Settings.DOWNLOAD_PATH;
import static dev.knot.app.config.Settings.EMBEDDED_ENABLED;
import static dev.knot.app.config.Settings.EMBEDDED_PATH;
import static dev.knot.app.config.Settings.ENABLE_PROXY;
import static dev.knot.app.config.Settings.ENCRYPT;
import static dev.knot.app.config.Settings.HTML_PATH;
import static dev.knot.app.config.Settings.LISTEN;
import static dev.knot.app.config.Settings.LOCATION;
import static dev.knot.app.config.Settings.LOG_LEVEL;
import static dev.knot.app.config.Settings.MYSQL_DATABASE;
import static dev.knot.app.config.Settings.MYSQL_ENABLED;
import static dev.knot.app.config.Settings.MYSQL_HOST;
import static dev.knot.app.config.Settings.MYSQL_MAX_IDLE;
import static dev.knot.app.config.Settings.MYSQL_MAX_LIFETIME_MINUTES;
import static dev.knot.app.config.Settings.MYSQL_MAX_OPEN;
import static dev.knot.app.config.Settings.MYSQL_PASSWORD;
import static dev.knot.app.config.Settings.MYSQL_PORT;
import static dev.knot.app.config.Settings.MYSQL_USER;
import static dev.knot.app.config.Settings.NOMAD_ADDR;
import static dev.knot.app.config.Settings.NOMAD_TOKEN;
import static dev.knot.app.config.Settings.REDIS_DB;
import static dev.knot.app.config.Settings.REDIS_ENABLED;
import static dev.knot.app.config.Settings.REDIS_HOST;
import static dev.knot.app.config.Settings.REDIS_HOSTS;
import static dev.knot.app.config.Settings.REDIS_KEY_PREFIX;
import static dev.knot.app.config.Settings.REDIS_MASTER_NAME;
import static dev.knot.app.config.Settings.REDIS_PASSWORD;
import static dev.knot.app.config.Settings.REMOTE_TOKEN;
import static dev.knot.app.config.Settings.RESOLVER_DOMAINS;
import static dev.knot.app.config.Settings.RESOLVER_NAMESERVERS;
import static dev.knot.app.config.Settings.TEMPLATE_PATH;
import static dev.knot.app.config.Settings.TERMINAL_WEBGL;
import static dev.knot.app.config.Settings.TLS_AGENT_USE_TLS;
import static dev.knot.app.config.Settings.TLS_CERT_FILE;
import static dev.knot.app.config.Settings.TLS_KEY_FILE;
import static dev.knot.app.config.Settings.TLS_SKIP_VERIFY;
import static dev.knot.app.config.Settings.TLS_USE_TLS;
import static dev.knot.app.config.Settings.TRUSTED_PROXIES;
import static dev.knot.app.config.Settings.SESSION_LIFETIME_MINUTES;
import static dev.knot.app.config.Settings.TOKEN_LIFETIME_DAYS;
import static dev.knot.app.config.Settings.URL;
import static dev.knot.app.config.Settings.WILDCARD_DOMAIN;
import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the values' meaning (ranges, URLs, addresses, the encryption key) and builds the records. Every problem is
 * recorded; the records are built only when there is none.
 */
final class ConfigAssembler {
    /** The literal the install guide puts in `encrypt`, meaning "put the output of knot genkey here". */
    static final String ENCRYPT_PLACEHOLDER = "knot genkey";

    static final String ENCRYPT_PLACEHOLDER_MESSAGE =
            "\"knot genkey\" is the install guide's placeholder, not a key: "
                    + "run `knot genkey` and put the key it prints here";
    static final String ENCRYPT_LENGTH_MESSAGE = "must be 16, 24 or 32 characters (run `knot genkey` to make one)";

    /** Where the embedded store lives when the config names no path, relative to the working directory. */
    static final String DEFAULT_EMBEDDED_DIRECTORY = "knot-data";

    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*\\.?");
    private static final Pattern WILDCARD_DOMAIN_PATTERN =
            Pattern.compile("\\*\\.(" + HOST_NAME.pattern() + ")(:[0-9]{1,5})?");
    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
    private static final Set<String> HTTP_OR_SRV_SCHEMES = Set.of("http", "https", "srv+http", "srv+https");

    private final ConfigValues values;
    private final ConfigEnvironment environment;
    private final List<ConfigProblem> problems;

    ConfigAssembler(ConfigValues values, ConfigEnvironment environment, List<ConfigProblem> problems) {
        this.values = requireNonNull(values, "values is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** The configuration, or empty when a problem was recorded (by this or an earlier step). */
    Optional<KnotConfig> assemble() {
        Optional<LogLevel> logLevel = logLevel();
        Optional<ListenAddress> listen = listenAddress();
        Optional<URI> url = values.isSet(URL) ? url(URL, HTTP_SCHEMES) : listen.map(this::defaultUrl);
        Optional<String> wildcardDomain = wildcardDomain();
        checkEncryptionKey();
        Optional<URI> agentUrl = optionalUrl(AGENT_URL, HTTP_OR_SRV_SCHEMES);
        Optional<URI> coreServer = optionalUrl(CORE_SERVER, HTTP_OR_SRV_SCHEMES);
        if (coreServer.isPresent() && values.get(REMOTE_TOKEN).isEmpty()) {
            problem(CORE_SERVER, "a remote server needs server.remote_token too (the secret the core server shares)");
        }
        checkTrustedProxies();
        checkRange(SESSION_LIFETIME_MINUTES, 5, 7 * 24 * 60);
        checkRange(TOKEN_LIFETIME_DAYS, 1, 365);
        checkTlsFiles();
        Optional<URI> nomadAddress = url(NOMAD_ADDR, HTTP_SCHEMES);
        Optional<MysqlSection> mysql = mysql();
        Optional<RedisSection> redis = redis();
        Optional<EmbeddedStore> embedded = embeddedStore();

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        StorageConfig storage =
                new StorageConfig(storageType(), embedded.orElseThrow(), mysql.orElseThrow(), redis.orElseThrow());
        ServerSection server = new ServerSection(
                listen.orElseThrow(),
                url.orElseThrow(),
                wildcardDomain,
                new Secret(values.get(ENCRYPT)),
                nonEmpty(values.get(DOWNLOAD_PATH)),
                agentUrl,
                location(),
                values.get(ENABLE_PROXY),
                values.get(TERMINAL_WEBGL),
                nonEmpty(values.get(HTML_PATH)),
                nonEmpty(values.get(TEMPLATE_PATH)),
                nonEmpty(values.get(AGENT_PATH)),
                coreServer,
                new Secret(values.get(REMOTE_TOKEN)),
                values.get(TRUSTED_PROXIES),
                new AuthSection(Duration.ofMinutes(values.get(SESSION_LIFETIME_MINUTES)),
                        Duration.ofDays(values.get(TOKEN_LIFETIME_DAYS))),
                new TlsSection(
                        values.get(TLS_CERT_FILE),
                        values.get(TLS_KEY_FILE),
                        values.get(TLS_USE_TLS),
                        values.get(TLS_AGENT_USE_TLS)),
                new NomadSection(nomadAddress.orElseThrow(), new Secret(values.get(NOMAD_TOKEN))),
                storage);
        return Optional.of(new KnotConfig(
                logLevel.orElseThrow(),
                values.get(TLS_SKIP_VERIFY),
                new ResolverSection(values.get(RESOLVER_NAMESERVERS), values.get(RESOLVER_DOMAINS)),
                server));
    }

    private void checkRange(Setting<Integer> setting, int minimum, int maximum) {
        int value = values.get(setting);
        if (value < minimum || value > maximum) {
            problem(setting, format("must be between %d and %d, got %d", minimum, maximum, value));
        }
    }

    private Optional<LogLevel> logLevel() {
        String text = values.get(LOG_LEVEL);
        Optional<LogLevel> level = LogLevel.parse(text);
        if (level.isEmpty()) {
            problem(LOG_LEVEL, format("expected one of debug, info, warn, error, got \"%s\"", text));
        }
        return level;
    }

    private Optional<ListenAddress> listenAddress() {
        String text = values.get(LISTEN).trim();
        // The original's FixListenAddress: a bare port listens on every interface.
        String address = text.chars().allMatch(Character::isDigit) && !text.isEmpty() ? ":" + text : text;
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "" : address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        else if (host.contains(":") || (!host.isEmpty() && !HOST_NAME.matcher(host).matches())) {
            colon = -1;
        }
        Optional<Integer> port = colon < 0 ? Optional.empty() : port(address.substring(colon + 1));
        if (port.isEmpty()) {
            problem(LISTEN, format("expected host:port or a port (e.g. 0.0.0.0:3000 or 3000), got \"%s\"", text));
            return Optional.empty();
        }
        return Optional.of(new ListenAddress(host, port.get()));
    }

    private static Optional<Integer> port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /**
     * With no server.url, the address the server itself answers on: its scheme (https unless use_tls is off) and its
     * listen port, on the loopback address when it listens on every interface. The original's fixed default
     * (http://127.0.0.1:3000) would not match a server that serves https or listens elsewhere, and the same-origin
     * checks compare against this URL.
     */
    private URI defaultUrl(ListenAddress listen) {
        String scheme = values.get(TLS_USE_TLS) ? "https" : "http";
        String host = listen.host().isEmpty() || "0.0.0.0".equals(listen.host()) ? "127.0.0.1" : listen.host();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + ":" + listen.port());
    }

    private Optional<URI> url(Setting<String> setting, Set<String> schemes) {
        String text = values.get(setting).trim();
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null
                    && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null) {
                return Optional.of(uri);
            }
        }
        catch (URISyntaxException invalid) {
            // reported below, with the schemes this key accepts
        }
        problem(setting, format("expected a %s URL, got \"%s\"", describeSchemes(schemes), text));
        return Optional.empty();
    }

    private Optional<URI> optionalUrl(Setting<String> setting, Set<String> schemes) {
        return values.get(setting).isBlank() ? Optional.empty() : url(setting, schemes);
    }

    private static String describeSchemes(Set<String> schemes) {
        return schemes.size() == HTTP_SCHEMES.size() ? "http:// or https://" : "http(s):// or srv+http(s)://";
    }

    private Optional<String> wildcardDomain() {
        String text = values.get(WILDCARD_DOMAIN).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!WILDCARD_DOMAIN_PATTERN.matcher(text).matches()) {
            problem(WILDCARD_DOMAIN,
                    format("expected a wildcard domain such as \"*.knot.example.com\", got \"%s\"", text));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private void checkEncryptionKey() {
        String key = values.get(ENCRYPT);
        if (key.trim().equalsIgnoreCase(ENCRYPT_PLACEHOLDER)) {
            problem(ENCRYPT, ENCRYPT_PLACEHOLDER_MESSAGE);
            return;
        }
        // The key's bytes are the AES key, as in the original, so it is the byte length that counts.
        int length = key.getBytes(UTF_8).length;
        if (length != 0 && length != 16 && length != 24 && length != 32) {
            problem(ENCRYPT, ENCRYPT_LENGTH_MESSAGE);
        }
    }

    private void checkTrustedProxies() {
        for (String entry : values.get(TRUSTED_PROXIES)) {
            if (!IpRange.isValid(entry)) {
                problem(TRUSTED_PROXIES,
                        format("expected an IP address or CIDR range (e.g. 10.0.0.0/8), got \"%s\"", entry));
            }
        }
    }

    private void checkTlsFiles() {
        if (values.get(TLS_CERT_FILE).isBlank() != values.get(TLS_KEY_FILE).isBlank()) {
            String missing = values.get(TLS_CERT_FILE).isBlank() ? TLS_CERT_FILE.path() : TLS_KEY_FILE.path();
            problems.add(new ConfigProblem(
                    missing, "server.tls.cert_file and server.tls.key_file go together: set both or neither"));
        }
    }

    private Optional<MysqlSection> mysql() {
        boolean valid = checkPort(MYSQL_PORT)
                & checkAtLeast(MYSQL_MAX_IDLE, 0)
                & checkAtLeast(MYSQL_MAX_OPEN, 1)
                & checkAtLeast(MYSQL_MAX_LIFETIME_MINUTES, 0);
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new MysqlSection(
                values.get(MYSQL_ENABLED),
                values.get(MYSQL_HOST),
                values.get(MYSQL_PORT),
                values.get(MYSQL_USER),
                new Secret(values.get(MYSQL_PASSWORD)),
                values.get(MYSQL_DATABASE),
                values.get(MYSQL_MAX_IDLE),
                values.get(MYSQL_MAX_OPEN),
                Duration.ofMinutes(values.get(MYSQL_MAX_LIFETIME_MINUTES))));
    }

    private Optional<RedisSection> redis() {
        // The install guide writes server.redis.host, which the original server never read (it read the list
        // server.redis.hosts). Here host is a one-entry shorthand; hosts wins when both are set.
        List<String> hosts = values.isSet(REDIS_HOSTS) || values.get(REDIS_HOST).isBlank()
                ? values.get(REDIS_HOSTS)
                : List.of(values.get(REDIS_HOST).trim());
        boolean valid = checkAtLeast(REDIS_DB, 0);
        if (hosts.isEmpty()) {
            problem(REDIS_HOSTS, "must name at least one host:port");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        String prefix = values.get(REDIS_KEY_PREFIX);
        return Optional.of(new RedisSection(
                values.get(REDIS_ENABLED),
                hosts,
                new Secret(values.get(REDIS_PASSWORD)),
                values.get(REDIS_DB),
                values.get(REDIS_MASTER_NAME),
                prefix.isEmpty() || prefix.endsWith(":") ? prefix : prefix + ":"));
    }

    private StorageType storageType() {
        if (values.get(MYSQL_ENABLED)) {
            return StorageType.MYSQL;
        }
        if (values.get(EMBEDDED_ENABLED) || values.get(BADGERDB_ENABLED)) {
            return StorageType.EMBEDDED;
        }
        if (values.get(REDIS_ENABLED)) {
            return StorageType.REDIS;
        }
        return StorageType.EMBEDDED;
    }

    private Optional<EmbeddedStore> embeddedStore() {
        String embeddedPath = values.get(EMBEDDED_PATH).trim();
        String badgerPath = values.get(BADGERDB_PATH).trim();
        if (!embeddedPath.isEmpty() && !badgerPath.isEmpty() && !embeddedPath.equals(badgerPath)) {
            problem(BADGERDB_PATH,
                    "server.badgerdb is an alias of server.embedded, and the two name different paths: keep one");
            return Optional.empty();
        }
        String configured = embeddedPath.isEmpty() ? badgerPath : embeddedPath;
        Path directory;
        try {
            directory = environment.workingDirectory()
                    .resolve(configured.isEmpty() ? DEFAULT_EMBEDDED_DIRECTORY : configured)
                    .toAbsolutePath()
                    .normalize();
        }
        catch (InvalidPathException invalid) {
            problem(embeddedPath.isEmpty() ? BADGERDB_PATH : EMBEDDED_PATH,
                    "not a valid path: " + invalid.getMessage());
            return Optional.empty();
        }
        EmbeddedStore.Origin origin;
        if (values.get(EMBEDDED_ENABLED)) {
            origin = EmbeddedStore.Origin.EMBEDDED_SECTION;
        }
        else if (values.get(BADGERDB_ENABLED)) {
            origin = EmbeddedStore.Origin.BADGERDB_ALIAS;
        }
        else {
            origin = EmbeddedStore.Origin.DEFAULT;
        }
        return Optional.of(new EmbeddedStore(directory, origin));
    }

    /** The original's default: the Nomad datacenter this server runs in, else the first label of the host name. */
    private String location() {
        String configured = values.get(LOCATION).trim();
        if (!configured.isEmpty()) {
            return configured;
        }
        return environment.variable("NOMAD_DC").orElseGet(() -> {
            String hostName = environment.hostName().get();
            int dot = hostName.indexOf('.');
            return dot < 0 ? hostName : hostName.substring(0, dot);
        });
    }

    private boolean checkPort(Setting<Integer> setting) {
        int port = values.get(setting);
        if (port < 1 || port > 65535) {
            problem(setting, "must be between 1 and 65535, got " + port);
            return false;
        }
        return true;
    }

    private boolean checkAtLeast(Setting<Integer> setting, int minimum) {
        int value = values.get(setting);
        if (value < minimum) {
            problem(setting, format("must be at least %d, got %d", minimum, value));
            return false;
        }
        return true;
    }

    private void problem(Setting<?> setting, String message) {
        problems.add(new ConfigProblem(setting.path(), message));
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }
}
