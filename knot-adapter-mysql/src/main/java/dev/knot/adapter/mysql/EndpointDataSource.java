package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import com.mysql.cj.jdbc.NonRegisteringDriver;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What HikariCP opens its physical connections with: each new connection asks the endpoint where the server is
 * now, so a server that moved (another SRV answer) is reached by the next connection without restarting knot.
 * Everything else (credentials, timeouts, driver settings) is the same for every connection.
 */
final class EndpointDataSource implements DataSource {
    /** SQL state "unable to establish connection": the pool and SqlFailures treat it as an unreachable server. */
    private static final String CANNOT_CONNECT = "08001";

    private final Supplier<InetSocketAddress> endpoint;
    private final String database;
    private final Properties connectionProperties;
    private final NonRegisteringDriver driver;
    private volatile int loginTimeoutSeconds;

    /**
     * @param connectionProperties Connector/J properties, credentials included; copied
     */
    EndpointDataSource(Supplier<InetSocketAddress> endpoint, String database, Properties connectionProperties) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.database = requireNonNull(database, "database is null");
        this.connectionProperties = new Properties();
        this.connectionProperties.putAll(requireNonNull(connectionProperties, "connectionProperties is null"));
        try {
            this.driver = new NonRegisteringDriver();
        } catch (SQLException impossible) {
            throw new IllegalStateException("Connector/J could not be loaded", impossible);
        }
    }

    /** The JDBC URL for {@code address}, without credentials: user and password travel as properties. */
    static String url(InetSocketAddress address, String database) {
        String host = address.getHostString();
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:mysql://" + bracketed + ":" + address.getPort() + "/" + database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        InetSocketAddress address;
        try {
            address = endpoint.get();
        } catch (RuntimeException lookupFailed) {
            // The message says which name and which name servers; the cause is the resolver's own business.
            throw new SQLNonTransientConnectionException(
                    "no address for the database: " + lookupFailed.getMessage(), CANNOT_CONNECT);
        }
        Connection connection = driver.connect(url(address, database), connectionProperties);
        if (connection == null) {
            throw new SQLNonTransientConnectionException("Connector/J refused the URL for " + address, CANNOT_CONNECT);
        }
        return connection;
    }

    /** HikariCP passes no credentials of its own: they are in the connection properties. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are part of the connection properties");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Connector/J logs through SLF4J; there is no writer to keep.
    }

    /** Kept for HikariCP, which sets it; Connector/J's own connectTimeout property bounds the connect. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
