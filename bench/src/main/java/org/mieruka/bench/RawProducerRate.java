package org.mieruka.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The raw producer rate every benchmark puts its figure next to: Kafka's own ProducerPerformance on
 * a fresh 6-partition topic of the same broker, acks=all, idempotent, linger.ms=5.
 */
public final class RawProducerRate {

    private static final Pattern RATE = Pattern.compile("([\\d.]+) records/sec");

    private RawProducerRate() {
    }

    /** Records/s for {@code records} records of {@code recordSize} bytes; prints ProducerPerformance's summary. */
    public static double measure(String bootstrap, String prefix, int recordSize, long records) throws Exception {
        String topic = prefix + "producer-performance";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        // ProducerPerformance prints its result; it is captured to read the rate back.
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {"--topic", topic, "--num-records", Long.toString(records),
                    "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true", "linger.ms=5"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("ProducerPerformance: " + last);
        Matcher rate = RATE.matcher(last);
        if (!rate.find()) {
            throw new IllegalStateException("no rate in ProducerPerformance's output:\n" + output);
        }
        return Double.parseDouble(rate.group(1));
    }
}
