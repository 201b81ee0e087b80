package dev.knot.adapter.mysql;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/** How knot.yml's mysql keys become HikariCP and Connector/J settings. */
final class PoolSettings {
    static final String POOL_NAME = "knot-mysql";
    /**
     * Idle connections are pinged this often, so that firewalls do not drop them silently and a dead server is
     * noticed before a request borrows the connection. HikariCP wants it at least 30 s and below maxLifetime.
     */
    private static final Duration KEEPALIVE = Duration.ofSeconds(60);

    private PoolSettings() {}

    static HikariConfig of(MysqlConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setDriverClassName("com.mysql.cj.jdbc.Driver");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.connectionMaxOpen());
        hikari.setMinimumIdle(config.connectionMaxIdle());
        hikari.setMaxLifetime(config.connectionMaxLifetime().toMillis());
        hikari.setKeepaliveTime(keepalive(config.connectionMaxLifetime()).toMillis());
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(config.validationTimeout().toMillis());
        // The pool opens without a connection; the first borrow (the schema check at start) reports a dead database
        // after connectTimeout, as every later borrow does, instead of a separate start-up path.
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        hikari.addDataSourceProperty("socketTimeout", Long.toString(config.socketTimeout().toMillis()));
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("characterEncoding", "UTF-8");
        // Found rows, not changed rows: an UPDATE that rewrites a row with the same values still says it matched.
        hikari.addDataSourceProperty("useAffectedRows", "false");
        // HikariCP's recommended statement cache for Connector/J.
        hikari.addDataSourceProperty("cachePrepStmts", "true");
        hikari.addDataSourceProperty("prepStmtCacheSize", "250");
        hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        return hikari;
    }

    private static Duration keepalive(Duration maxLifetime) {
        boolean fitsBelowLifetime = maxLifetime.isZero() || KEEPALIVE.compareTo(maxLifetime) < 0;
        return fitsBelowLifetime ? KEEPALIVE : Duration.ZERO;
    }
}
