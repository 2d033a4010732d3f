package org.mieruka.store.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void shouldSplitStatementsAndDropCommentLines() {
        Migration migration = new Migration(1, "x", "-- a comment\nCREATE TABLE a (x UInt8) ENGINE = Memory;\n\n"
                + "CREATE VIEW v AS SELECT 1;\n");

        assertThat(migration.statements()).containsExactly("CREATE TABLE a (x UInt8) ENGINE = Memory",
                "CREATE VIEW v AS SELECT 1");
    }

    @Test
    void shouldShipMigrationsNumberedWithoutGapsAndIdempotentStatements() {
        List<Migration> migrations = MigrationCatalog.load();

        assertThat(migrations).isNotEmpty();
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).version()).isEqualTo(i + 1);
            assertThat(migrations.get(i).statements()).allSatisfy(sql -> assertThat(sql).contains("IF NOT EXISTS"));
        }
    }

    @Test
    void shouldUseOnlySqlThatClickHouse1816AndCurrentReleasesBothAccept() {
        for (Migration migration : MigrationCatalog.load()) {
            assertThat(migration.script()).doesNotContain("LowCardinality", "SimpleAggregateFunction", "TTL",
                    "toStartOfWeek", "toStartOfInterval");
        }
    }

    @Test
    void shouldSupportDebian1816AndCurrentLtsButNotVersionsInBetween() {
        assertThat(ServerVersion.parse("18.16.1").supported()).isTrue();
        assertThat(ServerVersion.parse("25.8.3.1").supported()).isTrue();
        assertThat(ServerVersion.parse("23.8.1").supported()).isTrue();
        assertThat(ServerVersion.parse("20.3.1").supported()).isFalse();
        assertThat(ServerVersion.parse("18.14.2").supported()).isFalse();
    }
}
