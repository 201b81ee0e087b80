package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.Clock;
import dev.knot.ports.runtime.ManagedService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to knot's MySQL database. {@link #start()} opens the pool and brings the schema to the
 * latest version; until then, and after {@link #close()}, every repository call fails with STORE_UNAVAILABLE.
 * While open it removes expired sessions and agent states once a minute; readers never see them anyway.
 */
final class MysqlDatabase implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlDatabase.class);
    private static final Duration PURGE_PERIOD = Duration.ofMinutes(1);
    private static final Duration PURGE_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final MysqlConfig config;
    private final Clock clock;
    private final SchemaMigrations migrations;
    private volatile HikariDataSource pool;
    private ScheduledExecutorService purger;

    MysqlDatabase(MysqlConfig config, Clock clock, SchemaMigrations migrations) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
    }

    @Override
    public String name() {
        return "mysql database";
    }

    /** Opens the pool and migrates the schema; a second call while open does nothing. */
    @Override
    public synchronized void start() {
        if (pool != null) {
            return;
        }
        pool = new HikariDataSource(PoolSettings.of(config));
        try {
            int version = new Sql(this, UniqueKeys.NONE)
                    .withConnection(migrations::migrate);
            LOG.info("MySQL database {} at {} is open at schema version {}", config.database(), config.endpoint(),
                    version);
        } catch (RuntimeException failure) {
            closePool();
            throw failure;
        }
        purger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "knot-mysql-purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(
                this::purgeQuietly, PURGE_PERIOD.toSeconds(), PURGE_PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (purger != null) {
            purger.shutdownNow();
            awaitPurgeStop(purger);
            purger = null;
        }
        closePool();
    }

    /** A connection from the pool, waiting at most the connect timeout; the caller closes it. */
    Connection connection() throws SQLException {
        HikariDataSource open = pool;
        if (open == null) {
            throw SqlFailures.unavailable("it is not open (the server is starting or stopping)", null);
        }
        return open.getConnection();
    }

    /** Removes the sessions, agent states and used nonces that expired by the clock's now. @return how many rows went */
    int purgeExpired() {
        Instant now = clock.now();
        return new Sql(this, UniqueKeys.NONE).withConnection(sql ->
                sql.update(MysqlSessionStore.DELETE_EXPIRED, now) + sql.update(MysqlAgentStateStore.DELETE_EXPIRED, now)
                        + sql.update(MysqlUsedNonceStore.DELETE_EXPIRED, now));
    }

    private void purgeQuietly() {
        try {
            int removed = purgeExpired();
            LOG.debug("removed {} expired sessions, agent states and used nonces from MySQL", removed);
        } catch (KnotException failure) {
            LOG.warn("could not remove expired sessions and agent states: {}", failure.getMessage());
        }
    }

    private void closePool() {
        HikariDataSource open = pool;
        pool = null;
        if (open != null) {
            open.close();
        }
    }

    private static void awaitPurgeStop(ScheduledExecutorService stopped) {
        try {
            if (!stopped.awaitTermination(PURGE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("the MySQL purge of expired rows did not stop in time");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
