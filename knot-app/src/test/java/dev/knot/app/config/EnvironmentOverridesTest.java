package dev.knot.app.config;

import static dev.knot.app.config.TestEnvironments.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {
    @Test
    void environmentVariablesWinOverTheFile() {
        Map<String, String> environment = Map.of(
                "KNOT_LISTEN", "8080",
                "KNOT_URL", "https://env.example.com",
                "KNOT_WILDCARD_DOMAIN", "*.env.example.com",
                "KNOT_ENCRYPT", "abcdefghijklmnop",
                "KNOT_MYSQL_HOST", "db.example.com",
                "KNOT_MYSQL_PORT", "3307",
                "KNOT_BADGERDB_PATH", "/var/lib/knot",
                "KNOT_LOGLEVEL", "debug",
                "KNOT_TLS_SKIP_VERIFY", "true");
        String yaml = """
                log: {level: warn}
                server:
                  listen: 127.0.0.1:3000
                  url: https://file.example.com
                  mysql: {host: file-db, port: 3306}
                  badgerdb: {enabled: true, path: /data}
                """;

        KnotConfig config = loader(environment).fromYaml(yaml);

        assertThat(config.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.tlsSkipVerify()).isTrue();
        assertThat(config.server().listen()).isEqualTo(new ListenAddress("", 8080));
        assertThat(config.server().url()).hasToString("https://env.example.com");
        assertThat(config.server().wildcardDomain()).contains("*.env.example.com");
        assertThat(config.server().encrypt().value()).isEqualTo("abcdefghijklmnop");
        assertThat(config.server().storage().mysql().host()).isEqualTo("db.example.com");
        assertThat(config.server().storage().mysql().port()).isEqualTo(3307);
        assertThat(config.server().storage().embedded().directory()).isEqualTo(Path.of("/var/lib/knot"));
    }

    @Test
    void listsFromTheEnvironmentAreSplitOnWhitespace() {
        Map<String, String> environment = Map.of(
                "KNOT_REDIS_HOSTS", "redis-1:6379  redis-2:6379\tredis-3:6379",
                "KNOT_NAMESERVERS", "10.0.0.2:53 10.0.0.3:53");

        KnotConfig config = loader(environment).fromYaml("server: {redis: {host: single:6379}}");

        assertThat(config.server().storage().redis().hosts()).containsExactly("redis-1:6379", "redis-2:6379", "redis-3:6379");
        assertThat(config.resolver().nameservers()).containsExactly("10.0.0.2:53", "10.0.0.3:53");
    }

    @Test
    void aBadEnvironmentValueNamesTheKeyAndTheVariable() {
        InvalidConfigException invalid = catchThrowableOfType(
                InvalidConfigException.class, () -> loader(Map.of("KNOT_MYSQL_PORT", "abc", "KNOT_ENABLE_PROXY", "yes please")).fromYaml(""));

        assertThat(invalid.problems()).map(ConfigProblem::toString).containsExactlyInAnyOrder(
                "server.mysql.port: (from KNOT_MYSQL_PORT) expected a number, got \"abc\"",
                "server.enable_proxy: (from KNOT_ENABLE_PROXY) expected true or false, got \"yes please\"");
    }

    @Test
    void theLocationDefaultsToTheNomadDatacenter() {
        assertThat(loader(Map.of("NOMAD_DC", "eu-west")).fromYaml("").server().location()).isEqualTo("eu-west");
        assertThat(loader(Map.of("NOMAD_DC", "eu-west", "KNOT_LOCATION", "lab")).fromYaml("").server().location()).isEqualTo("lab");
    }

    @Test
    void variablesThatAreNotKnotsOwnAreIgnored() {
        assertThat(loader(Map.of("KNOT_SOMETHING_ELSE", "x", "PATH", "/bin")).fromYaml("").server().listen())
                .isEqualTo(new ListenAddress("127.0.0.1", 3000));
    }
}
