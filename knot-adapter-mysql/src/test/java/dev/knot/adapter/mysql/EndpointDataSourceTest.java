package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.testkit.fixture.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The endpoint is asked at every new physical connection, and a failed lookup is an unreachable database. */
class EndpointDataSourceTest {
    @Test
    void urlHoldsNoCredentialsAndBracketsIpv6() {
        assertThat(EndpointDataSource.url(InetSocketAddress.createUnresolved("db.example.com", 3307), "knot_db"))
                .isEqualTo("jdbc:mysql://db.example.com:3307/knot_db");
        assertThat(EndpointDataSource.url(InetSocketAddress.createUnresolved("2001:db8::1", 3306), "knot"))
                .isEqualTo("jdbc:mysql://[2001:db8::1]:3306/knot");
    }

    @Test
    void asksTheEndpointForEveryNewConnection() throws IOException {
        List<Integer> closedPorts = List.of(closedPort(), closedPort());
        List<InetSocketAddress> asked = new ArrayList<>();
        Supplier<InetSocketAddress> endpoint = () -> {
            InetSocketAddress next = new InetSocketAddress("127.0.0.1", closedPorts.get(asked.size() % 2));
            asked.add(next);
            return next;
        };
        EndpointDataSource dataSource = new EndpointDataSource(endpoint, "knot", properties());

        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(SqlFailures.isUnavailable((SQLException) failure)).isTrue());
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);

        assertThat(asked).extracting(InetSocketAddress::getPort).containsExactlyElementsOf(closedPorts);
    }

    @Test
    void aFailedLookupFailsTheConnectionAsAnUnreachableServer() {
        EndpointDataSource dataSource = new EndpointDataSource(() -> {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "DNS SRV lookup of db.service.consul failed: no such name");
        }, "knot", properties());

        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("no address for the database: DNS SRV lookup of db.service.consul failed: no such name")
                .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void thePoolAsksTheEndpointAndReportsItsFailureAsStoreUnavailable() {
        List<String> lookups = new ArrayList<>();
        MysqlConfig config = MysqlConfig.withDefaultTimeouts("srv+db.service.consul", 3306, "knot", "", "knot", 0, 2,
                        Duration.ofMinutes(5))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500))
                .withEndpoint(() -> {
                    lookups.add("db.service.consul");
                    throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "DNS SRV lookup of db.service.consul failed");
                });
        MysqlDatabase database = new MysqlDatabase(config, new MutableClock(), SchemaMigrations.latest());

        assertThatThrownBy(database::start)
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("DNS SRV lookup of db.service.consul failed");
        assertThat(lookups).isNotEmpty();
        database.close();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", "knot");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "1000");
        return properties;
    }

    /** A port nothing listens on: bound once, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
