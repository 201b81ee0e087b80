package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** server.mysql. The host may be "srv+name" (an SRV lookup gives host and port); empty means localhost. */
public record MysqlSection(
        boolean enabled,
        String host,
        int port,
        String user,
        Secret password,
        String database,
        int connectionMaxIdle,
        int connectionMaxOpen,
        Duration connectionMaxLifetime) {
    public MysqlSection {
        requireNonNull(host, "host is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(database, "database is null");
        requireNonNull(connectionMaxLifetime, "connectionMaxLifetime is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
        if (connectionMaxIdle < 0 || connectionMaxOpen < 1 || connectionMaxLifetime.isNegative()) {
            throw new IllegalArgumentException("connection pool limits out of range");
        }
    }
}
