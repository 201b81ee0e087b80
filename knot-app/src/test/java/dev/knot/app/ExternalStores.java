package dev.knot.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB and Redis the ITs run knot against (127.0.0.1:3306 as root without a password, 127.0.0.1:6379; as in
 * scripts/ensure-services), and throwaway databases and key prefixes in them, so tests never see each other's data.
 */
public final class ExternalStores {
    static final String MYSQL_HOST = "127.0.0.1";
    static final int MYSQL_PORT = 3306;
    static final String MYSQL_USER = "root";
    static final String REDIS_HOST = "127.0.0.1";
    static final int REDIS_PORT = 6379;

    private ExternalStores() {}

    /** A new, empty database named knot_it_&lt;random&gt;. */
    public static String createDatabase() {
        String name = "knot_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        sql("CREATE DATABASE " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        sql("DROP DATABASE IF EXISTS " + name);
    }

    static int tableCount(String database) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + database + "'")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException failure) {
            throw new IllegalStateException("MariaDB at " + MYSQL_HOST + ":" + MYSQL_PORT + ": " + failure.getMessage(), failure);
        }
    }

    /** A fresh key prefix, ending with ':' as knot writes it. */
    public static String newKeyPrefix() {
        return "knot-it-" + UUID.randomUUID() + ":";
    }

    static long redisKeyCount(String prefix) {
        return Long.parseLong(redis("EVAL", "return #redis.call('KEYS', ARGV[1])", "0", prefix + "*"));
    }

    /** Deletes every key under the prefix; KEYS is fine on a test Redis. */
    public static void deleteRedisKeys(String prefix) {
        redis("EVAL", "local keys = redis.call('KEYS', ARGV[1]) for _, key in ipairs(keys) do redis.call('DEL', key) end"
                + " return #keys", "0", prefix + "*");
    }

    private static void sql(String statementText) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException failure) {
            throw new IllegalStateException("MariaDB at " + MYSQL_HOST + ":" + MYSQL_PORT + ": " + failure.getMessage(), failure);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/", MYSQL_USER, "");
    }

    /** One command in RESP, answered by an integer, a simple string or an error; all these tests need. */
    private static String redis(String... command) {
        try (Socket socket = new Socket(REDIS_HOST, REDIS_PORT)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.length + "\r\n").getBytes(UTF_8));
            for (String part : command) {
                byte[] bytes = part.getBytes(UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(UTF_8));
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            String reply = readLine(new BufferedInputStream(socket.getInputStream()));
            if (reply.startsWith("-")) {
                throw new IllegalStateException("Redis refused " + command[0] + ": " + reply.substring(1));
            }
            return reply.substring(1);
        } catch (IOException failure) {
            throw new UncheckedIOException("Redis at " + REDIS_HOST + ":" + REDIS_PORT, failure);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\r'; next = in.read()) {
            if (next < 0) {
                throw new IOException("Redis closed the connection mid-reply");
            }
            line.write(next);
        }
        return line.toString(UTF_8);
    }
}
