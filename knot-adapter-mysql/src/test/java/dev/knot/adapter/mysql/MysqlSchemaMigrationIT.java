package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.MutableClock;
import dev.knot.testkit.fixture.UserFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Versioned migrations on real databases: first start, second start, upgrade, a newer schema, racing servers. */
class MysqlSchemaMigrationIT {
    private static final List<String> KNOT_TABLES = List.of("agentstate", "groups", "knot_locks",
            "knot_schema_version", "sessions", "space_names", "spaces", "templates", "templatevars", "tokens",
            "used_nonces", "users", "volumes");
    private static final Migration ADD_NICKNAME =
            new Migration(SchemaMigrations.ALL.size() + 1, "test: add a nickname",
                    "migration-test/next_add_nickname.sql");

    @Test
    void anEmptyDatabaseGetsEveryTableAtTheLatestVersion() {
        try (ThrowawayDatabase empty = ThrowawayDatabase.created()) {
            assertThat(tableCount(empty)).isZero();

            empty.start();

            assertThat(tableCount(empty)).isEqualTo(KNOT_TABLES.size());
            for (String table : KNOT_TABLES) {
                assertThat(empty.number("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + empty.name() + "' AND table_name = '" + table + "'")).as(table).isEqualTo(1);
            }
            assertThat(version(empty)).isEqualTo(SchemaMigrations.latest().latestVersion());
        }
    }

    @Test
    void startingAgainChangesNothingAndKeepsTheRows() {
        try (ThrowawayDatabase database = ThrowawayDatabase.created()) {
            User user = UserFixtures.aUser().build();
            MysqlDatabase first = open(database, SchemaMigrations.latest());
            new MysqlUserRepository(first).create(user);
            first.start(); // while open: nothing to do
            first.close();

            MysqlDatabase second = open(database, SchemaMigrations.latest());
            try {
                assertThat(new MysqlUserRepository(second).findAll()).containsExactly(user);
                assertThat(database.number("SELECT COUNT(*) FROM knot_schema_version"))
                        .isEqualTo(SchemaMigrations.ALL.size());
                assertThat(database.number("SELECT COUNT(*) FROM knot_locks")).isEqualTo(1);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void aDatabaseAtAnOlderVersionIsUpgradedKeepingItsRows() {
        try (ThrowawayDatabase database = ThrowawayDatabase.created()) {
            User user = UserFixtures.aUser().build();
            MysqlDatabase older = open(database, SchemaMigrations.latest());
            new MysqlUserRepository(older).create(user);
            older.close();
            List<Migration> newer = new ArrayList<>(SchemaMigrations.ALL);
            newer.add(ADD_NICKNAME);

            MysqlDatabase upgraded = open(database, new SchemaMigrations(newer));
            try {
                assertThat(version(database)).isEqualTo(newer.size());
                assertThat(new MysqlUserRepository(upgraded).findById(user.id())).contains(user);
                assertThat(database.number("SELECT COUNT(*) FROM users WHERE nickname = ''")).isEqualTo(1);
            } finally {
                upgraded.close();
            }
        }
    }

    @Test
    void aSchemaNewerThanThisKnotKnowsIsRefused() {
        try (ThrowawayDatabase database = ThrowawayDatabase.created()) {
            open(database, SchemaMigrations.latest()).close();
            database.execute(List.of("INSERT INTO knot_schema_version (version, description, applied_at)"
                    + " VALUES (999, 'from the future', UTC_TIMESTAMP(6))"));
            MysqlDatabase older = new MysqlDatabase(database.config(), new MutableClock(), SchemaMigrations.latest());

            assertThatThrownBy(older::start)
                    .isInstanceOfSatisfying(KnotException.class,
                            error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                    .hasMessageContaining("version 999");
            older.close();
        }
    }

    @Test
    void serversStartingTogetherMigrateOnceBetweenThem() throws Exception {
        try (ThrowawayDatabase database = ThrowawayDatabase.created()) {
            ExecutorService servers = Executors.newFixedThreadPool(4);
            try {
                List<Callable<MysqlDatabase>> starts = new ArrayList<>();
                for (int server = 0; server < 4; server++) {
                    starts.add(() -> open(database, SchemaMigrations.latest()));
                }
                for (Future<MysqlDatabase> started : servers.invokeAll(starts)) {
                    started.get(60, TimeUnit.SECONDS).close();
                }
            } finally {
                servers.shutdownNow();
            }

            assertThat(database.number("SELECT COUNT(*) FROM knot_schema_version"))
                    .isEqualTo(SchemaMigrations.ALL.size());
            assertThat(tableCount(database)).isEqualTo(KNOT_TABLES.size());
        }
    }

    private static MysqlDatabase open(ThrowawayDatabase database, SchemaMigrations migrations) {
        MysqlDatabase opened = new MysqlDatabase(database.config(), new MutableClock(), migrations);
        opened.start();
        return opened;
    }

    private static long tableCount(ThrowawayDatabase database) {
        return database.number(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + database.name() + "'");
    }

    private static long version(ThrowawayDatabase database) {
        return database.number("SELECT MAX(version) FROM knot_schema_version");
    }
}
