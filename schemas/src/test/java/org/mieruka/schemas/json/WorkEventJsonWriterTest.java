package org.mieruka.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Samples;

class WorkEventJsonWriterTest {

    private final WorkEventJsonWriter writer = new WorkEventJsonWriter(ZoneId.of("Asia/Tokyo"));

    @Test
    void shouldWriteWhatTheStrictReaderReadsBackAsTheSameEvent() throws Exception {
        for (WorkEvent event : new WorkEvent[] {Samples.meeting(), Samples.minimalPresence()}) {
            WorkEventJson.Result read = WorkEventJson.read(new ObjectMapper().readTree(writer.toLine(event)));

            assertThat(read.rejection()).isNull();
            event.setReceivedAt(null); // the collector's, never written
            assertThat(read.event()).isEqualTo(event);
        }
    }

    @Test
    void shouldWriteTheCitysOffsetAndLeaveAbsentFieldsOut() {
        String line = writer.toLine(Samples.minimalPresence());

        assertThat(line).isEqualTo("{\"event_id\":\"p-1\",\"source_system\":\"pc-logon\",\"kind\":\"PRESENCE\","
                + "\"action\":\"logon\",\"occurred_at\":\"2026-04-07T08:29:00.000+09:00\",\"employee\":\"E000001\"}");
    }
}
