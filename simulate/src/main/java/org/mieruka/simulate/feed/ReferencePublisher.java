package org.mieruka.simulate.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.serde.SingleObjectSerde;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.schemas.topic.TopicSpec;
import org.mieruka.simulate.Municipality;

/** Publishes the city's reference data to the compacted topics, each record under its catalog key. */
public final class ReferencePublisher {

    private final Map<String, Object> producerProperties;
    private final String prefix;

    public ReferencePublisher(String bootstrap, String prefix) {
        this.producerProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.prefix = prefix;
    }

    /** @return records published */
    public long publish(Municipality city, Intervention intervention) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties)) {
            long count = 0;
            count += send(producer, TopicCatalog.ORG_UNITS, city.orgChart().orgUnits(), Serdes.orgUnit(),
                    OrgUnit::getCode);
            count += send(producer, TopicCatalog.PROCESSES, city.catalog().definitions(), Serdes.processDefinition(),
                    ProcessDefinition::getProcessCode);
            count += send(producer, TopicCatalog.DIRECTORY, city.directory(), Serdes.directoryEntry(),
                    d -> d.getEmployee() + "/" + d.getValidFrom());
            count += send(producer, TopicCatalog.CALENDAR, city.calendarDays(), Serdes.calendarDay(),
                    d -> d.getDate().toString());
            count += send(producer, TopicCatalog.INTERVENTIONS, List.of(intervention), Serdes.intervention(),
                    Intervention::getInterventionId);
            producer.flush();
            return count;
        }
    }

    private <T extends SpecificRecord> long send(KafkaProducer<byte[], byte[]> producer, TopicSpec topic,
                                                 List<T> records, SingleObjectSerde<T> serde,
                                                 Function<T, String> key) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (T record : records) {
            sent.add(producer.send(new ProducerRecord<>(topic.name(prefix),
                    key.apply(record).getBytes(StandardCharsets.UTF_8), serde.encode(record))));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get(); // a record Kafka did not take fails the publication here
        }
        return records.size();
    }
}
