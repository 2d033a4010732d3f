package org.mieruka.store;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** The keys that say where ClickHouse is, shared by the sink, migrate and retention commands. */
public final class ClickHouseSettings {

    public static final String URL = "clickhouse.url";
    public static final String USER = "clickhouse.user";
    public static final String PASSWORD = "clickhouse.password";
    public static final String DATABASE = "clickhouse.database";

    private ClickHouseSettings() {
    }

    public static ConfigDef define(ConfigDef def) {
        return def
                .define(URL, Type.STRING, "http://127.0.0.1:18123", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "ClickHouse HTTP endpoint. The default is the local stack's server.")
                .define(USER, Type.STRING, "default", Importance.HIGH, "ClickHouse user the service writes as.")
                .define(PASSWORD, Type.PASSWORD, "", Importance.HIGH, "Password of clickhouse.user (never logged).")
                .define(DATABASE, Type.STRING, "mieruka", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Database of Mieruka's tables; created by the migrations.");
    }

    public static ClickHouseEndpoint endpoint(Map<String, Object> values) {
        return new ClickHouseEndpoint((String) values.get(URL), (String) values.get(USER),
                ((Password) values.get(PASSWORD)).value(), (String) values.get(DATABASE));
    }
}
