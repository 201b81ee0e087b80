package dev.knot.adapter.mysql;

import dev.knot.testkit.fixture.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test class, knot_it_&lt;random&gt;, on the MySQL or MariaDB server the ITs run
 * against (127.0.0.1:3306 as root without a password, or the knot.it.mysql.* system properties). As a JUnit
 * extension it is created and migrated before the class and dropped after it; tests empty its tables instead of
 * making new ones, which keeps the ITs quick.
 */
final class ThrowawayDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    static final String HOST = System.getProperty("knot.it.mysql.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("knot.it.mysql.port", 3306);
    static final String USER = System.getProperty("knot.it.mysql.user", "root");
    static final String PASSWORD = System.getProperty("knot.it.mysql.password", "");
    /** Children first: space_names references spaces. */
    private static final List<String> DATA_TABLES = List.of("space_names", "spaces", "users", "`groups`",
            "templates", "templatevars", "volumes", "tokens", "sessions", "agentstate", "used_nonces");

    private final String name = "knot_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final MutableClock clock = new MutableClock();
    private MysqlDatabase database;

    /** A new, empty database on the server, not yet migrated; close drops it. */
    static ThrowawayDatabase created() {
        ThrowawayDatabase created = new ThrowawayDatabase();
        created.create();
        return created;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        create();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    String name() {
        return name;
    }

    /** The settings of a server at {@code port} (a proxy's, say) holding this database, with the given timeouts. */
    MysqlConfig config(int port, Duration connectTimeout, Duration socketTimeout, Duration validationTimeout) {
        return new MysqlConfig(HOST, port, USER, PASSWORD, name, 2, 10, Duration.ofMinutes(5), connectTimeout,
                socketTimeout, validationTimeout);
    }

    MysqlConfig config() {
        return MysqlConfig.withDefaultTimeouts(HOST, PORT, USER, PASSWORD, name, 2, 10, Duration.ofMinutes(5));
    }

    /** The clock the started database purges by. */
    MutableClock clock() {
        return clock;
    }

    /** Opens and migrates this database to the latest schema. */
    MysqlDatabase start() {
        database = new MysqlDatabase(config(), clock, SchemaMigrations.latest());
        database.start();
        return database;
    }

    MysqlDatabase database() {
        if (database == null) {
            throw new IllegalStateException("the throwaway database was not started");
        }
        return database;
    }

    /** Removes every row knot wrote, keeping the schema. */
    void emptyTables() {
        execute(DATA_TABLES.stream().map(table -> "DELETE FROM " + table).toList());
    }

    /** Runs statements as the IT user, straight on this database, outside knot's pool. */
    void execute(List<String> statements) {
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run " + statements + " on " + name, failure);
        }
    }

    /** The first column of the first row of {@code query}, run straight on this database. */
    long number(String query) {
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row from " + query);
            }
            return rows.getLong(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run " + query + " on " + name, failure);
        }
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
            database = null;
        }
        onServer("DROP DATABASE IF EXISTS " + name);
    }

    private void create() {
        onServer("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    private static void onServer(String sql) {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not run \"" + sql + "\" on the IT server " + HOST + ":" + PORT
                    + " (is MariaDB or MySQL running?)", failure);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
    }
}
