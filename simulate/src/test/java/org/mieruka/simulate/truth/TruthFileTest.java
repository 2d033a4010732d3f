package org.mieruka.simulate.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.event.Channel;

class TruthFileTest {

    @Test
    void shouldWriteTheSameBytesForTheSameEventsAndReadThemBack(@TempDir Path dir) throws Exception {
        Feed feed = new Feed();
        feed.staff("E1", "SHIMIN", 1.0, "2026-04-01");
        feed.doc("E1", "2026-04-06T09:00");
        feed.meeting("held", "E1", "2026-04-06T10:00", 30, "m", Channel.ONLINE);
        TruthReport report = feed.truth();

        TruthFile.write(report, dir.resolve("a.json"));
        TruthFile.write(feed.truth(), dir.resolve("b.json"));

        assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
        assertThat(Files.readString(dir.resolve("a.json"))).contains("\"week\" : \"2026-04-06\"");
        assertThat(TruthFile.read(dir.resolve("a.json"))).isEqualTo(report);
    }
}
