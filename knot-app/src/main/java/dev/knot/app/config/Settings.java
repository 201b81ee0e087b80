package dev.knot.app.config;

import static dev.knot.app.config.ValueTypes.DOMAIN_SERVERS;
import static dev.knot.app.config.ValueTypes.FLAG;
import static dev.knot.app.config.ValueTypes.NUMBER;
import static dev.knot.app.config.ValueTypes.TEXT;
import static dev.knot.app.config.ValueTypes.TEXT_LIST;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of knot.yml for the server, defined once: every key, its environment variable and default. The keys and
 * environment variable names are the original knot v0.9's, so its config files and deployments carry over.
 */
final class Settings {
    private static final List<Setting<?>> ALL = new ArrayList<>();

    static final Setting<String> LOG_LEVEL = text("log.level", "KNOT_LOGLEVEL", "info");
    // Not the original's true: certificates are verified unless someone chooses otherwise.
    static final Setting<Boolean> TLS_SKIP_VERIFY = flag("tls_skip_verify", "KNOT_TLS_SKIP_VERIFY", false);

    static final Setting<String> LISTEN = text("server.listen", "KNOT_LISTEN", "127.0.0.1:3000");
    static final Setting<String> URL = text("server.url", "KNOT_URL", "http://127.0.0.1:3000");
    static final Setting<String> WILDCARD_DOMAIN = text("server.wildcard_domain", "KNOT_WILDCARD_DOMAIN", "");
    static final Setting<String> ENCRYPT = text("server.encrypt", "KNOT_ENCRYPT", "");
    static final Setting<String> DOWNLOAD_PATH = text("server.download_path", "KNOT_DOWNLOAD_PATH", "");
    static final Setting<String> AGENT_URL = text("server.agent_url", "KNOT_AGENT_URL", "");
    static final Setting<String> LOCATION = text("server.location", "KNOT_LOCATION", "");
    static final Setting<Boolean> ENABLE_PROXY = flag("server.enable_proxy", "KNOT_ENABLE_PROXY", false);
    static final Setting<Boolean> TERMINAL_WEBGL = flag("server.terminal.webgl", "KNOT_WEBGL", true);
    static final Setting<String> HTML_PATH = text("server.html_path", "KNOT_HTML_PATH", "");
    static final Setting<String> TEMPLATE_PATH = text("server.template_path", "KNOT_TEMPLATE_PATH", "");
    static final Setting<String> AGENT_PATH = text("server.agent_path", "KNOT_AGENT_PATH", "");
    static final Setting<String> CORE_SERVER = text("server.core_server", "KNOT_CORE_SERVER", "");
    static final Setting<String> REMOTE_TOKEN = text("server.remote_token", "KNOT_REMOTE_TOKEN", "");
    static final Setting<List<String>> TRUSTED_PROXIES =
            list("server.trusted_proxies", "KNOT_TRUSTED_PROXIES", List.of());

    static final Setting<Integer> SESSION_LIFETIME_MINUTES =
            number("server.session_lifetime_minutes", "KNOT_SESSION_LIFETIME_MINUTES", 120);
    static final Setting<Integer> TOKEN_LIFETIME_DAYS =
            number("server.token_lifetime_days", "KNOT_TOKEN_LIFETIME_DAYS", 7);

    static final Setting<String> TLS_CERT_FILE = text("server.tls.cert_file", "KNOT_CERT_FILE", "");
    static final Setting<String> TLS_KEY_FILE = text("server.tls.key_file", "KNOT_KEY_FILE", "");
    static final Setting<Boolean> TLS_USE_TLS = flag("server.tls.use_tls", "KNOT_USE_TLS", true);
    static final Setting<Boolean> TLS_AGENT_USE_TLS = flag("server.tls.agent_use_tls", "KNOT_AGENT_USE_TLS", true);

    static final Setting<List<String>> RESOLVER_NAMESERVERS =
            list("resolver.nameservers", "KNOT_NAMESERVERS", List.of());
    static final Setting<Map<String, List<String>>> RESOLVER_DOMAINS =
            register(new Setting<>("resolver.domains", DOMAIN_SERVERS, Optional.empty(), Map.of()));

    static final Setting<String> NOMAD_ADDR = text("server.nomad.addr", "KNOT_NOMAD_ADDR", "http://127.0.0.1:4646");
    static final Setting<String> NOMAD_TOKEN = text("server.nomad.token", "KNOT_NOMAD_TOKEN", "");

    static final Setting<Boolean> MYSQL_ENABLED = flag("server.mysql.enabled", "KNOT_MYSQL_ENABLED", false);
    static final Setting<String> MYSQL_HOST = text("server.mysql.host", "KNOT_MYSQL_HOST", "localhost");
    static final Setting<Integer> MYSQL_PORT = number("server.mysql.port", "KNOT_MYSQL_PORT", 3306);
    static final Setting<String> MYSQL_USER = text("server.mysql.user", "KNOT_MYSQL_USER", "root");
    static final Setting<String> MYSQL_PASSWORD = text("server.mysql.password", "KNOT_MYSQL_PASSWORD", "");
    static final Setting<String> MYSQL_DATABASE = text("server.mysql.database", "KNOT_MYSQL_DATABASE", "knot");
    static final Setting<Integer> MYSQL_MAX_IDLE =
            number("server.mysql.connection_max_idle", "KNOT_MYSQL_CONNECTION_MAX_IDLE", 10);
    static final Setting<Integer> MYSQL_MAX_OPEN =
            number("server.mysql.connection_max_open", "KNOT_MYSQL_CONNECTION_MAX_OPEN", 100);
    static final Setting<Integer> MYSQL_MAX_LIFETIME_MINUTES =
            number("server.mysql.connection_max_lifetime", "KNOT_MYSQL_CONNECTION_MAX_LIFETIME", 5);

    static final Setting<Boolean> EMBEDDED_ENABLED = flag("server.embedded.enabled", "KNOT_EMBEDDED_ENABLED", false);
    static final Setting<String> EMBEDDED_PATH = text("server.embedded.path", "KNOT_EMBEDDED_PATH", "");
    static final Setting<Boolean> BADGERDB_ENABLED = flag("server.badgerdb.enabled", "KNOT_BADGERDB_ENABLED", false);
    static final Setting<String> BADGERDB_PATH = text("server.badgerdb.path", "KNOT_BADGERDB_PATH", "");

    static final Setting<Boolean> REDIS_ENABLED = flag("server.redis.enabled", "KNOT_REDIS_ENABLED", false);
    static final Setting<String> REDIS_HOST = text("server.redis.host", "KNOT_REDIS_HOST", "");
    static final Setting<List<String>> REDIS_HOSTS =
            list("server.redis.hosts", "KNOT_REDIS_HOSTS", List.of("localhost:6379"));
    static final Setting<String> REDIS_PASSWORD = text("server.redis.password", "KNOT_REDIS_PASSWORD", "");
    static final Setting<Integer> REDIS_DB = number("server.redis.db", "KNOT_REDIS_DB", 0);
    static final Setting<String> REDIS_MASTER_NAME = text("server.redis.master_name", "KNOT_REDIS_MASTER_NAME", "");
    static final Setting<String> REDIS_KEY_PREFIX = text("server.redis.key_prefix", "KNOT_REDIS_KEY_PREFIX", "");

    /**
     * Top-level sections that belong to other commands (`knot agent`, the client commands). The server accepts and
     * ignores them, so one ~/.knot.yml can serve every command.
     */
    static final Set<String> OTHER_COMMANDS_SECTIONS = Set.of("agent", "client", "dns");

    private Settings() {}

    static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    private static Setting<String> text(String path, String environmentVariable, String defaultValue) {
        return register(new Setting<>(path, TEXT, Optional.of(environmentVariable), defaultValue));
    }

    private static Setting<Boolean> flag(String path, String environmentVariable, boolean defaultValue) {
        return register(new Setting<>(path, FLAG, Optional.of(environmentVariable), defaultValue));
    }

    private static Setting<Integer> number(String path, String environmentVariable, int defaultValue) {
        return register(new Setting<>(path, NUMBER, Optional.of(environmentVariable), defaultValue));
    }

    private static Setting<List<String>> list(String path, String environmentVariable, List<String> defaultValue) {
        return register(new Setting<>(path, TEXT_LIST, Optional.of(environmentVariable), defaultValue));
    }

    private static <T> Setting<T> register(Setting<T> setting) {
        ALL.add(setting);
        return setting;
    }
}
