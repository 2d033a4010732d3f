package org.mieruka.schemas.config;

import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.mieruka.schemas.topic.TopicCatalog;

/** Keys every deployable shares, declared once. */
public final class CommonSettings {

    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
    public static final String TOPICS_PREFIX = "topics.prefix";
    public static final String TOPICS_REPLICATION = "topics.replication-factor";
    public static final String CITY_TIME_ZONE = "city.time-zone";
    public static final String METRICS_PORT = "metrics.port";

    private CommonSettings() {
    }

    public static ConfigDef defineKafka(ConfigDef def) {
        return def
                .define(KAFKA_BOOTSTRAP, Type.STRING, "127.0.0.1:19092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Kafka bootstrap servers, host:port[,host:port]. The default is the local stack's broker.")
                .define(TOPICS_PREFIX, Type.STRING, TopicCatalog.DEFAULT_PREFIX, Importance.MEDIUM,
                        "Prefix of every Mieruka topic name (see docs/topics.md).")
                .define(TOPICS_REPLICATION, Type.SHORT, (short) 1, ConfigDef.Range.between(1, 5), Importance.MEDIUM,
                        "Replication factor of topics created at start-up (1 on a single-node broker; 3 in production).");
    }

    public static ConfigDef defineTimeZone(ConfigDef def) {
        return def.define(CITY_TIME_ZONE, Type.STRING, "Asia/Tokyo", ZONE, Importance.MEDIUM,
                "The city's time zone: every local date, week and working hour is computed in it.");
    }

    public static ConfigDef defineMetricsPort(ConfigDef def, int defaultPort) {
        return def.define(METRICS_PORT, Type.INT, defaultPort, ConfigDef.Range.between(0, 65535), Importance.LOW,
                "Port of the Prometheus endpoint (/metrics) of this service; 0 picks a free port.");
    }

    public static ZoneId zone(Map<String, Object> values) {
        return ZoneId.of((String) values.get(CITY_TIME_ZONE));
    }

    private static final ConfigDef.Validator ZONE = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                ZoneId.of((String) value);
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "not an IANA time zone id (e.g. Asia/Tokyo)");
            }
        }

        @Override
        public String toString() {
            return "IANA time zone id";
        }
    };
}
