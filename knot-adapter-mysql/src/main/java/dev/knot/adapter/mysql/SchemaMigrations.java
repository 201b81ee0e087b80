package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to the latest version: knot_schema_version records each numbered migration applied,
 * and the ones not yet applied run in order, each in its own transaction. A named lock keeps two servers starting
 * at once from migrating together. Migrations only add; none drops data.
 *
 * <p>MySQL commits each DDL statement by itself, so a migration cut short is not rolled back: it runs again from
 * its first statement at the next start, which is why every migration script must be safe to repeat.
 */
final class SchemaMigrations {
    static final List<Migration> ALL = List.of(
            new Migration(1, "initial schema", "migration/0001_initial_schema.sql"),
            new Migration(2, "used nonces of one-time codes", "migration/0002_used_nonces.sql"));

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LOCK_NAME = "knot_migrate";
    private static final int LOCK_WAIT_SECONDS = 30;
    /** The lock wait and a long ALTER TABLE both outlast the socket timeout meant for ordinary statements. */
    private static final Duration MIGRATION_NETWORK_TIMEOUT = Duration.ofMinutes(10);
    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS knot_schema_version (
                version INT NOT NULL,
                description VARCHAR(255) NOT NULL,
                applied_at DATETIME(6) NOT NULL,
                PRIMARY KEY (version)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin""";
    private static final String SELECT_VERSION = "SELECT COALESCE(MAX(version), 0) FROM knot_schema_version";
    private static final String RECORD_VERSION = """
            INSERT INTO knot_schema_version (version, description, applied_at) VALUES (?, ?, UTC_TIMESTAMP(6))""";
    private static final String GET_LOCK = "SELECT GET_LOCK(?, ?)";
    private static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        this.migrations = List.copyOf(requireNonNull(migrations, "migrations is null"));
        for (int index = 0; index < this.migrations.size(); index++) {
            if (this.migrations.get(index).version() != index + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3… in order, got "
                        + this.migrations.get(index).version() + " at position " + (index + 1));
            }
        }
    }

    static SchemaMigrations latest() {
        return new SchemaMigrations(ALL);
    }

    int latestVersion() {
        return migrations.size();
    }

    /**
     * Applies every migration the database lacks, holding the migration lock.
     *
     * @return the schema version the database is at afterwards
     * @throws KnotException STORE_UNAVAILABLE when another server holds the lock for 30 s, or the database was
     *     migrated by a newer knot
     */
    int migrate(SqlConnection sql) throws SQLException {
        Connection connection = sql.connection();
        connection.setNetworkTimeout(Runnable::run, (int) MIGRATION_NETWORK_TIMEOUT.toMillis());
        boolean locked = sql.query(GET_LOCK, rows -> rows.next() && rows.getInt(1) == 1, LOCK_NAME, LOCK_WAIT_SECONDS);
        if (!locked) {
            throw SqlFailures.unavailable("another knot server has been changing its schema for more than "
                    + LOCK_WAIT_SECONDS + " s", null);
        }
        try {
            sql.update(CREATE_VERSION_TABLE);
            int current = sql.query(SELECT_VERSION, rows -> rows.next() ? rows.getInt(1) : 0);
            if (current > latestVersion()) {
                throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "the MySQL database's schema is at version "
                        + current + ", newer than this knot knows (" + latestVersion() + "): run a newer knot");
            }
            for (Migration migration : migrations.subList(current, migrations.size())) {
                apply(sql, migration);
            }
            return latestVersion();
        } finally {
            releaseLock(sql);
        }
    }

    /**
     * A failure here must not hide the migration's own: the connection is broken then, and the server releases
     * a named lock when its connection ends.
     */
    private static void releaseLock(SqlConnection sql) {
        try {
            sql.query(RELEASE_LOCK, rows -> rows.next(), LOCK_NAME);
        } catch (SQLException failure) {
            LOG.warn("could not release the MySQL migration lock: {}", SqlFailures.shortReason(failure));
        }
    }

    private static void apply(SqlConnection sql, Migration migration) throws SQLException {
        Connection connection = sql.connection();
        List<String> statements = migration.statements();
        connection.setAutoCommit(false);
        try {
            for (String statement : statements) {
                sql.update(statement);
            }
            sql.update(RECORD_VERSION, migration.version(), migration.description());
            connection.commit();
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
        LOG.info("MySQL schema migrated to version {}: {}", migration.version(), migration.description());
    }
}
