package dev.knot.adapter.mysql;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.Properties;

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
        // A data source of knot's, not a JDBC URL: it asks the config's endpoint where the server is at every new
        // connection.
        hikari.setDataSource(new EndpointDataSource(config.endpoint(), config.database(), connectionProperties(config)));
        hikari.setMaximumPoolSize(config.connectionMaxOpen());
        hikari.setMinimumIdle(config.connectionMaxIdle());
        hikari.setMaxLifetime(config.connectionMaxLifetime().toMillis());
        hikari.setKeepaliveTime(keepalive(config.connectionMaxLifetime()).toMillis());
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(config.validationTimeout().toMillis());
        // The pool opens without a connection; the first borrow (the schema check at start) reports a dead database
        // after connectTimeout, as every later borrow does, instead of a separate start-up path.
        hikari.setInitializationFailTimeout(-1);
        return hikari;
    }

    /** Connector/J's settings for every connection, the credentials among them. */
    static Properties connectionProperties(MysqlConfig config) {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(config.socketTimeout().toMillis()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("characterEncoding", "UTF-8");
        // Found rows, not changed rows: an UPDATE that rewrites a row with the same values still says it matched.
        properties.setProperty("useAffectedRows", "false");
        // HikariCP's recommended statement cache for Connector/J.
        properties.setProperty("cachePrepStmts", "true");
        properties.setProperty("prepStmtCacheSize", "250");
        properties.setProperty("prepStmtCacheSqlLimit", "2048");
        return properties;
    }

    private static Duration keepalive(Duration maxLifetime) {
        boolean fitsBelowLifetime = maxLifetime.isZero() || KEEPALIVE.compareTo(maxLifetime) < 0;
        return fitsBelowLifetime ? KEEPALIVE : Duration.ZERO;
    }
}
