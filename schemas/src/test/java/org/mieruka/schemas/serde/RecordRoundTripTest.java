package org.mieruka.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.evolution.SchemaCatalog;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;

class RecordRoundTripTest {

    private static final Map<Class<?>, Supplier<SingleObjectSerde<?>>> SERDES = Map.ofEntries(
            Map.entry(WorkEvent.class, Serdes::workEvent),
            Map.entry(org.mieruka.schemas.event.PseudonymousEvent.class, Serdes::pseudonymousEvent),
            Map.entry(DirectoryEntry.class, Serdes::directoryEntry),
            Map.entry(org.mieruka.schemas.reference.PseudonymousDirectoryEntry.class, Serdes::pseudonymousDirectoryEntry),
            Map.entry(ProcessDefinition.class, Serdes::processDefinition),
            Map.entry(OrgUnit.class, Serdes::orgUnit),
            Map.entry(CalendarDay.class, Serdes::calendarDay),
            Map.entry(Intervention.class, Serdes::intervention),
            Map.entry(DeadLetter.class, Serdes::deadLetter),
            Map.entry(EventCount.class, Serdes::eventCount),
            Map.entry(org.mieruka.schemas.metric.EventCredit.class, Serdes::eventCredit),
            Map.entry(org.mieruka.schemas.metric.EmployeeDay.class, Serdes::employeeDay),
            Map.entry(org.mieruka.schemas.metric.WorkCase.class, Serdes::workCase),
            Map.entry(org.mieruka.schemas.metric.WorkHours.class, Serdes::workHours),
            Map.entry(org.mieruka.schemas.metric.TeleworkEffect.class, Serdes::teleworkEffect));

    static Stream<Object> records() {
        return Samples.everyRecord().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldReadBackEveryRecordAsWritten(Object record) {
        SingleObjectSerde serde = SERDES.get(record.getClass()).get();

        byte[] bytes = serde.serializer().serialize("topic", record);
        Object read = serde.deserializer().deserialize("topic", bytes);

        assertThat(read).isEqualTo(record);
    }

    @Test
    void shouldHaveASerdeAndSamplesForEveryRecordOfTheCatalog() {
        Set<String> catalog = SchemaCatalog.current().stream().map(Schema::getFullName).collect(Collectors.toSet());
        Set<String> sampled = Samples.everyRecord().stream()
                .map(r -> ((SpecificRecord) r).getSchema().getFullName()).collect(Collectors.toSet());
        Set<String> withSerde = SERDES.keySet().stream().map(Class::getName).collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(catalog);
        assertThat(withSerde).isEqualTo(catalog);
    }

    @Test
    void shouldPassNullThroughAsATombstone() {
        assertThat(Serdes.orgUnit().serializer().serialize("topic", null)).isNull();
        assertThat(Serdes.orgUnit().deserializer().deserialize("topic", null)).isNull();
    }
}
