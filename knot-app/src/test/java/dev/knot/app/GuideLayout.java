package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The install guide's storage layouts that need servers (its knot.yml files, in its order), run as the real jar
 * against the local MariaDB and Redis. The files are used as users copy them; only the encryption key is filled in,
 * and KNOT_* variables point them at the test's database, key prefix and port, as an operator would in a container.
 */
enum GuideLayout {
    MYSQL(0, true, false),
    MYSQL_WITH_REDIS_CACHE(1, true, true),
    REDIS(2, false, true);

    static final Duration STARTUP = Duration.ofSeconds(90);
    static final Duration EXIT = Duration.ofSeconds(30);
    private static final String KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final int guideIndex;
    private final boolean mysql;
    private final boolean redis;

    GuideLayout(int guideIndex, boolean mysql, boolean redis) {
        this.guideIndex = guideIndex;
        this.mysql = mysql;
        this.redis = redis;
    }

    boolean usesMysql() {
        return mysql;
    }

    boolean usesRedis() {
        return redis;
    }

    /** What `knot genkey` prints: 32 letters and digits. */
    static String generatedKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            key.append(KEY_CHARACTERS.charAt(random.nextInt(KEY_CHARACTERS.length())));
        }
        return key.toString();
    }

    /** The guide's knot.yml for this layout with {@code key} as encrypt, written into {@code directory}. */
    Path writeConfig(Path directory, String key) {
        try {
            String yaml = InstallGuide.withKey(InstallGuide.read().knotYmlFiles().get(guideIndex), key);
            return Files.writeString(Files.createDirectories(directory).resolve(name().toLowerCase() + ".yml"), yaml);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Starts `knot server -c {@code config}` in a working directory of its own under {@code root}, listening on
     * {@code port}, with {@code stores} pointing it at the databases.
     */
    static KnotProcess start(Path root, String name, Path config, int port, StoreEnvironment stores) {
        Map<String, String> environment = new HashMap<>(stores.variables());
        environment.put("KNOT_LISTEN", "127.0.0.1:" + port);
        // The server is about to default to HTTPS; these tests speak plain HTTP.
        environment.put("KNOT_USE_TLS", "false");
        try {
            Path working = Files.createDirectories(root.resolve(name));
            return KnotProcess.start(KnotProcess.currentJava(), working, environment, "server", "-c", config.toString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static void awaitHealthy(KnotProcess knot, KnotApi api) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(knot.isAlive()).as("knot exited early; stderr:\n%s", knot.err()).isTrue();
            assertThat(api.health()).isEqualTo(200);
        });
    }

    /** SIGTERM, and the exit code must be 0. */
    static void stop(KnotProcess knot) {
        knot.terminate();
        assertThat(knot.awaitExit(EXIT)).as(knot.err()).isZero();
    }

    /**
     * Where the stores are, as KNOT_* variables: the MySQL host, port, user and database, the Redis host list and
     * key prefix (KNOT_REDIS_HOSTS wins over the guide's server.redis.host, see ConfigAssembler).
     */
    record StoreEnvironment(String database, int mysqlPort, String redisHosts, String keyPrefix) {
        static StoreEnvironment direct(String database, String keyPrefix) {
            return new StoreEnvironment(database, ExternalStores.MYSQL_PORT,
                    ExternalStores.REDIS_HOST + ":" + ExternalStores.REDIS_PORT, keyPrefix);
        }

        StoreEnvironment withMysqlPort(int port) {
            return new StoreEnvironment(database, port, redisHosts, keyPrefix);
        }

        StoreEnvironment withRedisHosts(String hosts) {
            return new StoreEnvironment(database, mysqlPort, hosts, keyPrefix);
        }

        Map<String, String> variables() {
            return Map.of(
                    "KNOT_MYSQL_HOST", ExternalStores.MYSQL_HOST,
                    "KNOT_MYSQL_PORT", Integer.toString(mysqlPort),
                    "KNOT_MYSQL_USER", ExternalStores.MYSQL_USER,
                    "KNOT_MYSQL_DATABASE", database,
                    "KNOT_REDIS_HOSTS", redisHosts,
                    "KNOT_REDIS_KEY_PREFIX", keyPrefix);
        }
    }
}
