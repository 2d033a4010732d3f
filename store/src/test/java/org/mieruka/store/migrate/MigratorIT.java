package org.mieruka.store.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mieruka.store.ClickHouseEndpoint;
import org.mieruka.store.ClickHouseSession;
import org.mieruka.store.ClickHouseStatementException;
import org.mieruka.testsupport.MierukaInfra;
import org.mieruka.testsupport.TestClickHouse;

@ExtendWith(MierukaInfra.class)
class MigratorIT {

    private static ClickHouseEndpoint endpoint(TestClickHouse clickHouse) {
        return new ClickHouseEndpoint(clickHouse.url(), clickHouse.user(), clickHouse.password(), clickHouse.database());
    }

    @Test
    void shouldMigrateAnEmptyDatabaseOnceAndThenFindNothingToDo(TestClickHouse clickHouse) {
        Migrator.Report first = new Migrator(endpoint(clickHouse)).migrate();
        Migrator.Report second = new Migrator(endpoint(clickHouse)).migrate();

        assertThat(first.applied()).hasSize(MigrationCatalog.load().size());
        assertThat(second.applied()).isEmpty();
        try (ClickHouseSession session = new ClickHouseSession(endpoint(clickHouse))) {
            assertThat(session.query("SELECT count() AS n FROM schema_migrations FORMAT JSONEachRow").get(0)
                    .get("n").asInt()).isEqualTo(MigrationCatalog.load().size());
        }
    }

    @Test
    void shouldRefuseAReleasedMigrationThatWasEdited(TestClickHouse clickHouse) {
        new Migrator(endpoint(clickHouse)).migrate();
        Migration original = MigrationCatalog.load().get(0);
        Migration edited = new Migration(1, original.name(), original.script() + "\n-- edited\n");

        assertThatThrownBy(() -> new Migrator(endpoint(clickHouse), List.of(edited)).migrate())
                .hasMessageContaining("was changed after it was applied");
    }

    @Test
    void shouldKeepOnlyTheNewestVersionOfAKeyInTheCurrentView(TestClickHouse clickHouse) {
        new Migrator(endpoint(clickHouse)).migrate();
        try (ClickHouseSession session = new ClickHouseSession(endpoint(clickHouse))) {
            // the same update delivered twice (a sink crash between insert and commit), then a newer one
            String v1 = "{\"source_system\":\"s\",\"kind\":\"DOCUMENT\",\"event_date\":\"2026-04-06\",\"events\":1,\"version\":1}";
            String v2 = "{\"source_system\":\"s\",\"kind\":\"DOCUMENT\",\"event_date\":\"2026-04-06\",\"events\":2,\"version\":2}";
            session.insertJsonEachRow("event_counts", List.of(v1, v2));
            session.insertJsonEachRow("event_counts", List.of(v1, v2));

            var rows = session.query("SELECT events, latest_version FROM event_counts_current FORMAT JSONEachRow");

            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("events").asLong()).isEqualTo(2);
            assertThat(rows.get(0).get("latest_version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void shouldQuoteTheSqlThatFailed(TestClickHouse clickHouse) {
        try (ClickHouseSession session = new ClickHouseSession(endpoint(clickHouse))) {
            assertThatThrownBy(() -> session.query("SELECT no_such_column FROM no_such_table FORMAT JSONEachRow"))
                    .isInstanceOfSatisfying(ClickHouseStatementException.class,
                            e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("SELECT no_such_column FROM no_such_table");
        }
    }
}
