package org.mieruka.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.mieruka.cli.stack.StackConfig;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.schemas.config.ConfigLoader;
import org.mieruka.store.sink.SinkConfig;
import org.mieruka.streams.StreamsAppConfig;

/** Every deployable's settings, rendered as docs/configuration.md (a test keeps the file current). */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static Map<String, ConfigDef> deployables() {
        Map<String, ConfigDef> all = new LinkedHashMap<>();
        all.put("Ingest (`./mieruka ingest`)", IngestConfig.DEFINITION);
        all.put("Streams (`./mieruka streams`)", StreamsAppConfig.DEFINITION);
        all.put("Sink and migrations (`./mieruka sink`, `./mieruka migrate`)", SinkConfig.DEFINITION);
        all.put("Local stack (`./mieruka stack`, `demo`, `test`)", StackConfig.DEFINITION);
        return all;
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration / 設定\n\n");
        out.append("<!-- Generated from the code by `./mieruka config-docs > docs/configuration.md`; "
                + "a test fails when this file and the code disagree. -->\n\n");
        out.append("Every setting is read once at start-up, from (lowest precedence first) its default, the file given"
                + " with `--config FILE` (Java properties), and the environment variable shown. All problems are "
                + "reported at once, and the command exits with status 2.\n\n");
        out.append("すべての設定は起動時に一度だけ読み込まれます。優先順位は既定値 < `--config` ファイル < 環境変数です。\n\n");
        deployables().forEach((title, def) -> out.append(ConfigLoader.markdown(title, def)));
        return out.toString();
    }
}
