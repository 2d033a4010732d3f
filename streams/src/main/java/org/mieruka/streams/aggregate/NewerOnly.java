package org.mieruka.streams.aggregate;

import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Passes a record only when its version is above the last one passed for its key. A table join
 * can forward the same result twice (once when each side's cache is flushed, both times reading
 * the other side's newest value); the second copy carries the same version and is dropped here,
 * so readers see each key's versions strictly increase.
 */
final class NewerOnly<V> implements Processor<String, V, String, V> {

    private final String storeName;
    private final ToLongFunction<V> version;
    private KeyValueStore<String, Long> passed;
    private ProcessorContext<String, V> context;

    NewerOnly(String storeName, ToLongFunction<V> version) {
        this.storeName = storeName;
        this.version = version;
    }

    static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.passed = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            return;
        }
        long next = version.applyAsLong(record.value());
        Long last = passed.get(record.key());
        if (last != null && next <= last) {
            return;
        }
        passed.put(record.key(), next);
        context.forward(record);
    }
}
