package dev.knot.app.config;

import static dev.knot.app.config.TestEnvironments.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidationTest {
    private static final String KEY_32 = "abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void withoutAUrlTheServerIsReachedWhereItListensWithTheSchemeItServes() {
        assertThat(loader().fromYaml("server: {listen: 0.0.0.0:4000}").server().url())
                .isEqualTo(URI.create("https://127.0.0.1:4000"));
        assertThat(loader().fromYaml("server: {listen: 10.1.2.3:80, tls: {use_tls: false}}").server().url())
                .isEqualTo(URI.create("http://10.1.2.3:80"));
        assertThat(loader().fromYaml("server: {url: \"http://knot.example.com\"}").server().url())
                .isEqualTo(URI.create("http://knot.example.com"));
    }

    @Test
    void credentialLifetimesDefaultToTheOriginalsAndCanBeChanged() {
        AuthSection defaults = loader().fromYaml("").server().auth();
        AuthSection configured = loader()
                .fromYaml("server: {session_lifetime_minutes: 30, token_lifetime_days: 1}").server().auth();

        assertThat(defaults).isEqualTo(new AuthSection(Duration.ofHours(2), Duration.ofDays(7)));
        assertThat(configured).isEqualTo(new AuthSection(Duration.ofMinutes(30), Duration.ofDays(1)));
    }

    @Test
    void credentialLifetimesOutOfRangeAreReportedTogether() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> loader().fromYaml("server: {session_lifetime_minutes: 1, token_lifetime_days: 0}"));

        assertThat(error.getMessage())
                .contains("server.session_lifetime_minutes: must be between 5 and 10080, got 1")
                .contains("server.token_lifetime_days: must be between 1 and 365, got 0");
    }

    @Test
    void noFileGivesTheOriginalsDefaultsAndTheEmbeddedStore() {
        KnotConfig config = loader().fromYaml("");

        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(config.tlsSkipVerify()).as("unlike the original, verified by default").isFalse();
        ServerSection server = config.server();
        assertThat(server.listen()).isEqualTo(new ListenAddress("127.0.0.1", 3000));
        assertThat(server.url()).as("the server's own address, https by default")
                .isEqualTo(URI.create("https://127.0.0.1:3000"));
        assertThat(server.encrypt().isEmpty()).isTrue();
        assertThat(server.wildcardDomain()).isEmpty();
        assertThat(server.terminalWebgl()).isTrue();
        assertThat(server.enableProxy()).isFalse();
        assertThat(server.tls()).isEqualTo(new TlsSection("", "", true, true));
        assertThat(server.nomad().address()).isEqualTo(URI.create("http://127.0.0.1:4646"));
        assertThat(server.location()).isEqualTo("build-host");
        assertThat(server.trustedProxies()).isEmpty();
        StorageConfig storage = server.storage();
        assertThat(storage.type()).isEqualTo(StorageType.EMBEDDED);
        assertThat(storage.embedded())
                .isEqualTo(new EmbeddedStore(Path.of("/srv/knot/knot-data"), EmbeddedStore.Origin.DEFAULT));
        assertThat(storage.mysql())
                .isEqualTo(new MysqlSection(false, "localhost", 3306, "root", new Secret(""), "knot", 10, 100, Duration.ofMinutes(5)));
        assertThat(storage.redis()).isEqualTo(new RedisSection(false, List.of("localhost:6379"), new Secret(""), 0, "", ""));
    }

    @Test
    void anUnknownKeyANonNumericPortAndAShortKeyAreReportedTogether() {
        String yaml = """
                server:
                  lsiten: 0.0.0.0:3000
                  encrypt: tooshort
                  mysql:
                    port: abc
                """;

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems()).map(ConfigProblem::toString).containsExactlyInAnyOrder(
                "server.lsiten: unknown key (did you mean server.listen?)",
                "server.mysql.port: expected a number, got \"abc\"",
                "server.encrypt: must be 16, 24 or 32 characters (run `knot genkey` to make one)");
    }

    @Test
    void wrongTypesNameTheirPath() {
        String yaml = """
                log:
                  level: trace
                server:
                  enable_proxy: maybe
                  terminal: true
                  redis:
                    hosts: {a: b}
                tls_skip_verify: [1]
                """;

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems()).map(ConfigProblem::toString).containsExactlyInAnyOrder(
                "log.level: expected one of debug, info, warn, error, got \"trace\"",
                "server.enable_proxy: expected true or false, got \"maybe\"",
                "server.terminal: expected a section, got true",
                "server.redis.hosts: expected a list, got a section",
                "tls_skip_verify: expected true or false, got a list");
    }

    @Test
    void unknownSectionsAndTopLevelKeysAreErrors() {
        String yaml = """
                sever:
                  listen: 3000
                server:
                  mysql:
                    hots: x
                  disable_proxy: false
                """;

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems()).map(ConfigProblem::toString).containsExactlyInAnyOrder(
                "sever: unknown key (did you mean server?)",
                "server.mysql.hots: unknown key (did you mean server.mysql.host?)",
                "server.disable_proxy: unknown key (did you mean server.enable_proxy?)");
    }

    @Test
    void agentClientAndDnsSectionsBelongToOtherCommandsAndAreIgnored() {
        String yaml = """
                server:
                  listen: 3000
                agent:
                  space_id: 0194c5b0-0000-7000-8000-000000000000
                  port: {ssh: 22}
                client:
                  server: https://knot.example.com
                dns:
                  listen: 127.0.0.1:5353
                """;

        assertThat(loader().fromYaml(yaml).server().listen()).isEqualTo(new ListenAddress("", 3000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000", ":3000"})
    void aBarePortListensOnEveryInterface(String listen) {
        ListenAddress address = loader().fromYaml("server: {listen: \"" + listen + "\"}").server().listen();

        assertThat(address).isEqualTo(new ListenAddress("", 3000));
        assertThat(address.bindHost()).isEqualTo("0.0.0.0");
        assertThat(address).hasToString(":3000");
    }

    @Test
    void anIpv6ListenAddressIsBracketed() {
        ListenAddress address = loader().fromYaml("server: {listen: \"[::1]:3000\"}").server().listen();

        assertThat(address).isEqualTo(new ListenAddress("::1", 3000));
        assertThat(address).hasToString("[::1]:3000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:3000", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "::1:3000", "a b:3000", ""})
    void aListenAddressThatIsNotHostColonPortIsRejected(String listen) {
        InvalidConfigException invalid = catchThrowableOfType(
                InvalidConfigException.class, () -> loader().fromYaml("server: {listen: \"" + listen + "\"}"));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("server.listen");
            assertThat(problem.message()).startsWith("expected host:port or a port");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", "abcdefghijklmnopqrstuvwx", KEY_32})
    void encryptionKeysOfAesLengthsAreAccepted(String key) {
        assertThat(loader().fromYaml("server: {encrypt: " + key + "}").server().encrypt().value()).isEqualTo(key);
    }

    @Test
    void anEncryptionKeyOfAnotherLengthIsRejected() {
        InvalidConfigException invalid = catchThrowableOfType(
                InvalidConfigException.class, () -> loader().fromYaml("server: {encrypt: " + KEY_32 + "x}"));

        assertThat(invalid.problems())
                .containsExactly(new ConfigProblem("server.encrypt", ConfigAssembler.ENCRYPT_LENGTH_MESSAGE));
    }

    @Test
    void urlsMustBeHttpWithAHost() {
        String yaml = """
                server:
                  url: knot.example.com
                  agent_url: ftp://knot.example.com
                  core_server: https://core.example.com
                  nomad: {addr: "not a url"}
                  wildcard_domain: knot.example.com
                """;

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems()).map(ConfigProblem::path).containsExactlyInAnyOrder(
                "server.url", "server.agent_url", "server.core_server", "server.nomad.addr", "server.wildcard_domain");
    }

    @Test
    void agentUrlsMayUseSrvLookupAndRemoteServersNeedBothKeys() {
        String yaml = """
                server:
                  agent_url: srv+https://knot.service.consul
                  core_server: https://core.example.com
                  remote_token: shared-secret
                """;

        ServerSection server = loader().fromYaml(yaml).server();

        assertThat(server.agentUrl()).contains(URI.create("srv+https://knot.service.consul"));
        assertThat(server.isRemote()).isTrue();
        assertThat(server.isCore()).isFalse();
    }

    @Test
    void numbersOutOfRangeAreRejected() {
        String yaml = """
                server:
                  mysql: {port: 70000, connection_max_open: 0, connection_max_idle: -1}
                  redis: {db: -1}
                """;

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml(yaml));

        assertThat(invalid.problems()).map(ConfigProblem::toString).containsExactlyInAnyOrder(
                "server.mysql.port: must be between 1 and 65535, got 70000",
                "server.mysql.connection_max_open: must be at least 1, got 0",
                "server.mysql.connection_max_idle: must be at least 0, got -1",
                "server.redis.db: must be at least 0, got -1");
    }

    @Test
    void trustedProxiesAreAddressesOrCidrRanges() {
        String good = "server: {trusted_proxies: [10.0.0.1, 10.0.0.0/8, \"::1\", \"fd00::/8\", \"::ffff:10.0.0.1\"]}";
        assertThat(loader().fromYaml(good).server().trustedProxies()).hasSize(5);

        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader().fromYaml("server: {trusted_proxies: [proxy.example.com, 10.0.0.0/33, 300.0.0.1]}"));
        assertThat(invalid.problems()).hasSize(3).allSatisfy(problem -> assertThat(problem.path()).isEqualTo("server.trusted_proxies"));
    }

    @Test
    void theEmbeddedSectionAndItsBadgerdbAliasChooseTheEmbeddedStore() {
        StorageConfig embedded = loader().fromYaml("server: {embedded: {enabled: true, path: data}}").server().storage();
        StorageConfig pathOnly = loader().fromYaml("server: {badgerdb: {path: /var/lib/knot}}").server().storage();

        assertThat(embedded.embedded()).isEqualTo(new EmbeddedStore(Path.of("/srv/knot/data"), EmbeddedStore.Origin.EMBEDDED_SECTION));
        assertThat(pathOnly.embedded()).isEqualTo(new EmbeddedStore(Path.of("/var/lib/knot"), EmbeddedStore.Origin.DEFAULT));
    }

    @Test
    void theEmbeddedSectionAndItsAliasMayNotNameDifferentPaths() {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader().fromYaml("server: {embedded: {path: /a}, badgerdb: {enabled: true, path: /b}}"));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> assertThat(problem.path()).isEqualTo("server.badgerdb.path"));
    }

    @Test
    void storageIsChosenAsTheOriginalDid() {
        assertThat(type("server: {mysql: {enabled: true}, badgerdb: {enabled: true}, redis: {enabled: true}}"))
                .isEqualTo(StorageType.MYSQL);
        assertThat(type("server: {badgerdb: {enabled: true}, redis: {enabled: true}}")).isEqualTo(StorageType.EMBEDDED);
        assertThat(type("server: {redis: {enabled: true}}")).isEqualTo(StorageType.REDIS);
        assertThat(type("server: {}")).isEqualTo(StorageType.EMBEDDED);
    }

    @Test
    void redisHostsWinOverTheSingleHostAndThePrefixGetsItsColon() {
        RedisSection redis = loader().fromYaml("server: {redis: {host: a:1, hosts: [b:2, c:3], key_prefix: knot}}").server().storage().redis();

        assertThat(redis.hosts()).containsExactly("b:2", "c:3");
        assertThat(redis.keyPrefix()).isEqualTo("knot:");
    }

    @Test
    void resolverSettingsLoad() {
        String yaml = """
                resolver:
                  nameservers: [192.168.0.2:53]
                  domains:
                    consul: [192.168.0.4:8600, 192.168.0.5:8600]
                """;

        ResolverSection resolver = loader().fromYaml(yaml).resolver();

        assertThat(resolver.nameservers()).containsExactly("192.168.0.2:53");
        assertThat(resolver.domains()).isEqualTo(Map.of("consul", List.of("192.168.0.4:8600", "192.168.0.5:8600")));
    }

    @Test
    void invalidYamlAndDuplicateKeysAreReported() {
        InvalidConfigException broken = catchThrowableOfType(InvalidConfigException.class, () -> loader().fromYaml("server: [unclosed"));
        InvalidConfigException duplicate = catchThrowableOfType(
                InvalidConfigException.class, () -> loader().fromYaml("server:\n  listen: 1\n  listen: 2\n"));

        assertThat(broken.problems()).singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("not valid YAML"));
        assertThat(duplicate.problems()).singleElement().satisfies(problem -> assertThat(problem.message()).contains("listen"));
    }

    @Test
    void anEmptyValueMeansNotSet() {
        assertThat(loader().fromYaml("server:\n  listen:\n  mysql:\n").server().listen())
                .isEqualTo(new ListenAddress("127.0.0.1", 3000));
    }

    @Test
    void secretsNeverAppearInToString() {
        String yaml = """
                server:
                  encrypt: %s
                  remote_token: remote-secret-value
                  nomad: {token: nomad-secret-value}
                  mysql: {password: mysql-secret-value}
                  redis: {password: redis-secret-value}
                """.formatted(KEY_32);

        String text = loader().fromYaml(yaml).toString();

        assertThat(text).doesNotContain(KEY_32, "remote-secret-value", "nomad-secret-value", "mysql-secret-value", "redis-secret-value");
    }

    private static StorageType type(String yaml) {
        return loader().fromYaml(yaml).server().storage().type();
    }
}
