package org.mieruka.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.serde.SingleObjectSerde;

/** Every record the simulator produces is one the pipeline's serdes carry unchanged. */
class ReferenceSerdeTest {

    private final Municipality city = Municipality.generate(SimulationConfig.defaults());

    @Test
    void shouldRoundTripEveryOrgUnit() {
        assertRoundTrip(city.orgChart().orgUnits(), Serdes.orgUnit());
    }

    @Test
    void shouldRoundTripEveryProcessDefinition() {
        assertRoundTrip(city.catalog().definitions(), Serdes.processDefinition());
    }

    @Test
    void shouldRoundTripEveryDirectoryEntry() {
        assertRoundTrip(city.directory(), Serdes.directoryEntry());
    }

    @Test
    void shouldRoundTripEveryCalendarDay() {
        assertRoundTrip(city.calendarDays(), Serdes.calendarDay());
    }

    private static <T extends SpecificRecord> void assertRoundTrip(List<T> records, SingleObjectSerde<T> serde) {
        assertThat(records).isNotEmpty();
        for (T record : records) {
            assertThat(serde.decode(serde.encode(record))).isEqualTo(record);
        }
    }
}
