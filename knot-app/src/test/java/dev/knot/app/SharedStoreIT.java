package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two knot servers (two jar processes on different ports) sharing one MariaDB database and one Redis key prefix, the
 * install guide's MySQL with Redis cache layout behind a load balancer: whatever one writes, the other sees. (The
 * embedded store refuses a second server; KnotServerIT checks that.)
 */
class SharedStoreIT {
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path root;

    @RegisterExtension
    final ThrowawayStores throwaway = new ThrowawayStores();

    @Test
    void usersSessionsAndTokensMadeOnOneServerWorkOnTheOther() {
        Path config = GuideLayout.MYSQL_WITH_REDIS_CACHE.writeConfig(root, GuideLayout.generatedKey());
        GuideLayout.StoreEnvironment stores = GuideLayout.StoreEnvironment.direct(throwaway.database(), throwaway.keyPrefix());
        int firstPort = KnotProcess.freePort();
        int secondPort = KnotProcess.freePort();
        KnotApi first = new KnotApi(firstPort);
        KnotApi second = new KnotApi(secondPort);

        try (KnotProcess one = GuideLayout.start(root, "one", config, firstPort, stores);
                KnotProcess two = GuideLayout.start(root, "two", config, secondPort, stores)) {
            GuideLayout.awaitHealthy(one, first);
            GuideLayout.awaitHealthy(two, second);

            assertThat(first.createFirstAdmin("admin", "admin@example.com", PASSWORD).statusCode()).isEqualTo(201);
            assertThat(second.createFirstAdmin("other", "other@example.com", PASSWORD).statusCode())
                    .as("the second server sees that the first admin exists")
                    .isEqualTo(401);

            String sessionFromFirst = first.sessionSecret("admin@example.com", PASSWORD);
            assertThat(second.whoamiWithBearer(sessionFromFirst).statusCode()).isEqualTo(200);
            assertThat(second.whoamiWithCookie(sessionFromFirst).body()).contains("\"username\":\"admin\"");

            String sessionFromSecond = second.sessionSecret("admin@example.com", PASSWORD);
            String tokenFromSecond = second.apiToken(sessionFromSecond);
            assertThat(first.whoamiWithBearer(tokenFromSecond).statusCode()).isEqualTo(200);
            assertThat(first.whoamiWithCookie(sessionFromSecond).statusCode()).isEqualTo(200);

            assertThat(first.logout(sessionFromSecond).statusCode()).isEqualTo(200);
            assertThat(second.whoamiWithBearer(sessionFromSecond).statusCode())
                    .as("a session ended on one server is ended on both").isEqualTo(401);

            GuideLayout.stop(one);
            GuideLayout.stop(two);
        }
    }
}
