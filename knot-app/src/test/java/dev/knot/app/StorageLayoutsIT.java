package dev.knot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The install guide's MySQL, MySQL with Redis cache, and Redis knot.yml files start the real jar on empty stores:
 * the schema is created, the first admin can be made and log in, SIGTERM stops the server with exit code 0, and
 * after a restart the admin is still there.
 */
class StorageLayoutsIT {
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path root;

    @RegisterExtension
    final ThrowawayStores throwaway = new ThrowawayStores();

    @ParameterizedTest
    @EnumSource(GuideLayout.class)
    void theGuidesConfigStartsOnEmptyStoresAndKeepsTheFirstAdminAcrossARestart(GuideLayout layout) {
        Path config = layout.writeConfig(root, GuideLayout.generatedKey());
        GuideLayout.StoreEnvironment stores = GuideLayout.StoreEnvironment.direct(throwaway.database(), throwaway.keyPrefix());
        int port = KnotProcess.freePort();
        KnotApi api = new KnotApi(port);

        try (KnotProcess first = GuideLayout.start(root, "first", config, port, stores)) {
            GuideLayout.awaitHealthy(first, api);
            assertThat(ExternalStores.tableCount(throwaway.database())).as("tables created on the empty database")
                    .matches(tables -> layout.usesMysql() == tables > 0);

            HttpResponse<String> created = api.createFirstAdmin("admin", EMAIL, PASSWORD);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String session = api.sessionSecret(EMAIL, PASSWORD);
            assertThat(api.whoamiWithBearer(session).body()).contains("\"email\":\"" + EMAIL + "\"");
            assertThat(ExternalStores.redisKeyCount(throwaway.keyPrefix())).as("keys under the configured prefix (the session)")
                    .matches(keys -> layout.usesRedis() == keys > 0);

            GuideLayout.stop(first);
        }

        try (KnotProcess restarted = GuideLayout.start(root, "restarted", config, port, stores)) {
            GuideLayout.awaitHealthy(restarted, api);

            assertThat(api.sessionSecret(EMAIL, PASSWORD)).isNotBlank();
            assertThat(api.createFirstAdmin("second", "second@example.com", PASSWORD).statusCode())
                    .as("the first admin exists already, so creating users needs a credential")
                    .isEqualTo(401);

            GuideLayout.stop(restarted);
        }
    }
}
