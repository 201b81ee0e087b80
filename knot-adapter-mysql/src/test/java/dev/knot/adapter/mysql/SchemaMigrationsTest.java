package dev.knot.adapter.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The migration scripts as shipped: numbered from 1 without gaps, readable, and safe to run again. */
class SchemaMigrationsTest {
    @Test
    void shippedMigrationsAreNumberedFromOneWithoutGaps() {
        for (int index = 0; index < SchemaMigrations.ALL.size(); index++) {
            assertThat(SchemaMigrations.ALL.get(index).version()).isEqualTo(index + 1);
        }
        assertThat(SchemaMigrations.latest().latestVersion()).isEqualTo(SchemaMigrations.ALL.size());
    }

    @Test
    void everyShippedStatementCanRunAgainAfterAnInterruptedStart() {
        for (Migration migration : SchemaMigrations.ALL) {
            List<String> statements = migration.statements();
            assertThat(statements).as(migration.resource()).isNotEmpty();
            for (String statement : statements) {
                assertThat(statement)
                        .as("MySQL commits DDL at once, so %s may run twice", migration.resource())
                        .matches("(?s)(CREATE TABLE IF NOT EXISTS|INSERT IGNORE INTO) .*")
                        .doesNotEndWith(";")
                        .doesNotContainIgnoringCase("DROP ");
            }
        }
    }

    @Test
    void theReservedWordGroupsIsAlwaysQuoted() {
        for (Migration migration : SchemaMigrations.ALL) {
            for (String statement : migration.statements()) {
                assertThat(statement.replace("`groups`", "")).as(statement).doesNotContainPattern("\\bgroups\\b");
            }
        }
    }

    @Test
    void refusesMigrationsOutOfOrder() {
        List<Migration> gap = List.of(new Migration(1, "first", "a.sql"), new Migration(3, "third", "c.sql"));

        assertThatThrownBy(() -> new SchemaMigrations(gap)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingScriptIsReportedByName() {
        Migration missing = new Migration(1, "missing", "migration/9999_missing.sql");

        assertThatThrownBy(missing::statements).hasMessageContaining("9999_missing.sql");
    }
}
