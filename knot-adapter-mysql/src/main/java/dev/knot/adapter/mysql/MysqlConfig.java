package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the MySQL (or MariaDB) database is and how many connections to keep to it (knot.yml {@code server.mysql}).
 *
 * @param host a host name or address; with an {@code endpoint} of the caller's, only a name for logs and errors
 * @param password may be empty; never shown by {@link #toString()}
 * @param database must exist; knot creates its tables in it on first start
 * @param connectionMaxIdle connections kept open while idle ({@code connection_max_idle}); at most
 *     {@code connectionMaxOpen}
 * @param connectionMaxOpen the pool's size ({@code connection_max_open})
 * @param connectionMaxLifetime connections are replaced after this long ({@code connection_max_lifetime}); keep it
 *     below the server's {@code wait_timeout}. Zero means no limit; otherwise at least 30 seconds (HikariCP's floor)
 * @param connectTimeout how long to wait for a connection, from the pool or to the server, before reporting the
 *     database unavailable
 * @param socketTimeout how long one statement may wait for the server's answer; longer than any query takes
 * @param validationTimeout how long the pool waits to check that a connection is still alive; shorter than
 *     {@code connectTimeout}
 * @param endpoint asked for the server's address each time the pool opens a new connection (never for a pooled
 *     one), so a caller can follow a service that moves (a DNS SRV record); {@code host:port} unless the caller
 *     gives one. It may block for a lookup and may throw: that connection attempt then fails as an unreachable
 *     server would, and the pool tries again later
 */
public record MysqlConfig(
        String host,
        int port,
        String user,
        String password,
        String database,
        int connectionMaxIdle,
        int connectionMaxOpen,
        Duration connectionMaxLifetime,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration validationTimeout,
        Supplier<InetSocketAddress> endpoint) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for a 10 MB template to travel; short enough that a hung server frees the request thread. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SHORTEST_LIFETIME = Duration.ofSeconds(30);
    private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(250);
    /** The database name goes into the JDBC URL, so it is kept to characters that need no escaping there. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    public MysqlConfig {
        requireNonNull(host, "host is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(database, "database is null");
        requireNonNull(connectionMaxLifetime, "connectionMaxLifetime is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(socketTimeout, "socketTimeout is null");
        requireNonNull(validationTimeout, "validationTimeout is null");
        requireNonNull(endpoint, "endpoint is null");
        if (host.isBlank() || host.contains("/") || host.contains("?")) {
            throw new IllegalArgumentException("mysql host must be a host name or address, got \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mysql port must be between 1 and 65535, got " + port);
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "mysql database must be 1 to 64 letters, digits, '_' or '$', got \"" + database + "\"");
        }
        if (connectionMaxOpen < 1) {
            throw new IllegalArgumentException("mysql connection_max_open must be at least 1, got " + connectionMaxOpen);
        }
        if (connectionMaxIdle < 0 || connectionMaxIdle > connectionMaxOpen) {
            throw new IllegalArgumentException("mysql connection_max_idle must be between 0 and connection_max_open ("
                    + connectionMaxOpen + "), got " + connectionMaxIdle);
        }
        if (!connectionMaxLifetime.isZero() && connectionMaxLifetime.compareTo(SHORTEST_LIFETIME) < 0) {
            throw new IllegalArgumentException(
                    "mysql connection_max_lifetime must be 0 (no limit) or at least 30 s, got " + connectionMaxLifetime);
        }
        atLeastShortestTimeout("connect timeout", connectTimeout);
        atLeastShortestTimeout("socket timeout", socketTimeout);
        atLeastShortestTimeout("validation timeout", validationTimeout);
        if (validationTimeout.compareTo(connectTimeout) >= 0) {
            throw new IllegalArgumentException("mysql validation timeout must be shorter than the connect timeout");
        }
    }

    /** Connecting to {@code host:port} itself. */
    public MysqlConfig(
            String host,
            int port,
            String user,
            String password,
            String database,
            int connectionMaxIdle,
            int connectionMaxOpen,
            Duration connectionMaxLifetime,
            Duration connectTimeout,
            Duration socketTimeout,
            Duration validationTimeout) {
        this(host, port, user, password, database, connectionMaxIdle, connectionMaxOpen, connectionMaxLifetime,
                connectTimeout, socketTimeout, validationTimeout, new FixedEndpoint(host, port));
    }

    /** A configuration with the default timeouts: 5 s to connect, 30 s per statement, 3 s to validate. */
    public static MysqlConfig withDefaultTimeouts(
            String host,
            int port,
            String user,
            String password,
            String database,
            int connectionMaxIdle,
            int connectionMaxOpen,
            Duration connectionMaxLifetime) {
        return new MysqlConfig(host, port, user, password, database, connectionMaxIdle, connectionMaxOpen,
                connectionMaxLifetime, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, DEFAULT_VALIDATION_TIMEOUT);
    }

    /** The same settings with other timeouts. */
    public MysqlConfig withTimeouts(Duration connect, Duration socket, Duration validation) {
        return new MysqlConfig(host, port, user, password, database, connectionMaxIdle, connectionMaxOpen,
                connectionMaxLifetime, connect, socket, validation, endpoint);
    }

    /** The same settings, connecting wherever {@code newEndpoint} says at each new connection. */
    public MysqlConfig withEndpoint(Supplier<InetSocketAddress> newEndpoint) {
        return new MysqlConfig(host, port, user, password, database, connectionMaxIdle, connectionMaxOpen,
                connectionMaxLifetime, connectTimeout, socketTimeout, validationTimeout, newEndpoint);
    }

    private static void atLeastShortestTimeout(String name, Duration timeout) {
        if (timeout.compareTo(SHORTEST_TIMEOUT) < 0) {
            throw new IllegalArgumentException("mysql " + name + " must be at least 250 ms, got " + timeout);
        }
    }

    @Override
    public String toString() {
        return "MysqlConfig[host=" + host + ", port=" + port + ", user=" + user + ", password=" + "[redacted]"
                + ", database=" + database + ", connectionMaxIdle=" + connectionMaxIdle + ", connectionMaxOpen="
                + connectionMaxOpen + ", connectionMaxLifetime=" + connectionMaxLifetime + ", connectTimeout="
                + connectTimeout + ", socketTimeout=" + socketTimeout + ", validationTimeout=" + validationTimeout
                + ", endpoint=" + endpoint + "]";
    }
}
