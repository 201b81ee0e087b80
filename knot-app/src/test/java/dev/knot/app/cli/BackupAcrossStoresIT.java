package dev.knot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.app.backup.BackupFile;
import dev.knot.app.backup.DurableRecords;
import dev.knot.app.backup.SampleRecords;
import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.wiring.KnotDirectStore;
import dev.knot.domain.crypto.AesGcmSecretCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A team moving stores with `knot admin backup` and `restore`: embedded → MySQL → Redis → embedded, every record
 * equal at the end. Needs MariaDB or MySQL at 127.0.0.1:3306 (root, no password) and Redis at 127.0.0.1:6379; uses a
 * throwaway database knot_it_&lt;random&gt; and a random key prefix, both removed afterwards.
 */
class BackupAcrossStoresIT {
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";
    private static final String MYSQL_HOST = System.getProperty("knot.it.mysql.host", "127.0.0.1");
    private static final int MYSQL_PORT = Integer.getInteger("knot.it.mysql.port", 3306);
    private static final String REDIS_HOST = System.getProperty("knot.test.redis", "127.0.0.1:6379");

    @TempDir
    Path working;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String database = "knot_it_" + suffix;
    private final String keyPrefix = "knot-it-backup-" + suffix + ":";

    @BeforeEach
    void createDatabase() {
        onMysql("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    @AfterEach
    void removeDatabaseAndKeys() {
        onMysql("DROP DATABASE IF EXISTS " + database);
        RedissonClient redis = redis();
        try {
            redis.getKeys().deleteByPattern(keyPrefix + "*");
        } finally {
            redis.shutdown();
        }
    }

    @Test
    void recordsSurviveEmbeddedToMysqlToRedisToEmbedded() throws IOException {
        DurableRecords records = SampleRecords.create(new AesGcmSecretCipher(KEY));
        EmbeddedStoreAccess.fill(working.resolve("first"), KEY, records);
        writeConfigs();

        succeeds("-c", "first.yml", "admin", "backup", "from-embedded.backup");
        succeeds("-c", "mysql.yml", "admin", "restore", "from-embedded.backup");
        succeeds("-c", "mysql.yml", "admin", "backup", "from-mysql.backup");
        succeeds("-c", "redis.yml", "admin", "restore", "from-mysql.backup");
        succeeds("-c", "redis.yml", "admin", "backup", "from-redis.backup");
        succeeds("-c", "last.yml", "admin", "restore", "from-redis.backup");

        BackupFile file = new BackupFile();
        SampleRecords.assertSameRecords(file.read(working.resolve("from-mysql.backup")).records(), records);
        SampleRecords.assertSameRecords(file.read(working.resolve("from-redis.backup")).records(), records);
        SampleRecords.assertSameRecords(EmbeddedStoreAccess.records(working.resolve("last"), KEY), records);
    }

    @Test
    void mysqlAndRedisStoresThatAreNotEmptyAreRefused() throws IOException {
        EmbeddedStoreAccess.fill(working.resolve("first"), KEY, SampleRecords.create(new AesGcmSecretCipher(KEY)));
        writeConfigs();
        succeeds("-c", "first.yml", "admin", "backup", "knot.backup");
        succeeds("-c", "mysql.yml", "admin", "restore", "knot.backup");
        succeeds("-c", "redis.yml", "admin", "restore", "knot.backup");

        CliRun mysqlAgain = knot("-c", "mysql.yml", "admin", "restore", "knot.backup");
        CliRun redisAgain = knot("-c", "redis.yml", "admin", "restore", "knot.backup");

        assertThat(mysqlAgain.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(mysqlAgain.err()).startsWith("knot: the store is not empty");
        assertThat(redisAgain.exitCode()).isEqualTo(ExitCodes.COMMAND_FAILED);
        assertThat(redisAgain.err()).startsWith("knot: the store is not empty");
    }

    private void succeeds(String... arguments) {
        CliRun run = knot(arguments);
        assertThat(run.exitCode()).as("knot %s: %s", String.join(" ", arguments), run.err()).isZero();
    }

    private CliRun knot(String... arguments) {
        PasswordReader passwords = PasswordReader.forProcess(null, new ByteArrayInputStream(new byte[0]));
        return CliRun.execute(new ConfigEnvironment(Map.of(), working, Optional.empty(), () -> "test-host"),
                new KnotDirectStore(), passwords, arguments);
    }

    /** first.yml and last.yml: embedded stores in first/ and last/; mysql.yml and redis.yml: the throwaways. */
    private void writeConfigs() throws IOException {
        write("first.yml", "  embedded:\n    enabled: true\n    path: first\n");
        write("mysql.yml", "  mysql:\n    enabled: true\n    host: " + MYSQL_HOST + "\n    port: " + MYSQL_PORT
                + "\n    user: root\n    password: \"\"\n    database: " + database + "\n");
        write("redis.yml", "  redis:\n    enabled: true\n    hosts: [\"" + REDIS_HOST + "\"]\n    key_prefix: \""
                + keyPrefix + "\"\n");
        write("last.yml", "  embedded:\n    enabled: true\n    path: last\n");
    }

    private void write(String name, String storeSection) throws IOException {
        Files.writeString(working.resolve(name), "server:\n  encrypt: " + KEY + "\n" + storeSection);
    }

    private static void onMysql(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run \"" + sql + "\" on " + MYSQL_HOST + ":" + MYSQL_PORT
                    + " (is MariaDB or MySQL running?)", failure);
        }
    }

    private static RedissonClient redis() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + REDIS_HOST);
        return Redisson.create(config);
    }
}
