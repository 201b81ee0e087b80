package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.testkit.fixture.GroupFixtures;
import dev.knot.testkit.fixture.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is reported as STORE_UNAVAILABLE, promptly and without credentials, whether
 * nothing listens at its address or something accepts connections and never answers. Needs no database server.
 */
class MysqlDatabaseUnreachableTest {
    /** Far above the 1 s connect timeout used here: the point is that the call returns, not how fast. */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PASSWORD = "s3cret-password";

    @Test
    void startFailsWithStoreUnavailableWhenNothingListens() throws IOException {
        MysqlDatabase database = new MysqlDatabase(config(unusedPort()), new MutableClock(), SchemaMigrations.latest());

        assertTimeoutPreemptively(BOUND, () -> assertUnavailable(database::start));

        assertTimeoutPreemptively(BOUND, database::close);
    }

    @Test
    void startFailsWithStoreUnavailableWhenTheServerNeverAnswers() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            MysqlDatabase database =
                    new MysqlDatabase(config(silent.port()), new MutableClock(), SchemaMigrations.latest());

            assertTimeoutPreemptively(BOUND, () -> assertUnavailable(database::start));

            assertTimeoutPreemptively(BOUND, database::close);
            assertThat(silent.accepted()).as("the pool did try the silent server").isPositive();
        }
    }

    @Test
    void repositoriesOfADatabaseNotStartedReportItUnavailable() throws IOException {
        MysqlDatabase database = new MysqlDatabase(config(unusedPort()), new MutableClock(), SchemaMigrations.latest());
        MysqlGroupRepository groups = new MysqlGroupRepository(database);

        assertUnavailable(groups::findAll);
        assertUnavailable(() -> groups.save(GroupFixtures.aGroup().build()));
    }

    @Test
    void closeIsSafeWhenStartNeverRan() throws IOException {
        MysqlDatabase database = new MysqlDatabase(config(unusedPort()), new MutableClock(), SchemaMigrations.latest());

        database.close();
        database.close();
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
                    assertThat(error.getMessage())
                            .startsWith("the MySQL database is unavailable: ")
                            .doesNotContain(PASSWORD);
                });
    }

    private static MysqlConfig config(int port) {
        return new MysqlConfig("127.0.0.1", port, "knot", PASSWORD, "knot", 1, 2, Duration.ofMinutes(5),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Accepts connections and never sends a byte, like a server that hangs or a firewall that swallows. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        held.add(listener.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
