package org.mieruka.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB state store of the application together. By
 * default each store of each task has its own block cache and write buffers, so memory grows with
 * partitions × stores (several GB for this topology); here they share one cache of
 * {@code streams.state-memory-mb}, with write buffers (memtables) counted inside it. This follows
 * the memory-management advice of the Kafka Streams documentation.
 */
public final class StateMemory implements RocksDBConfigSetter {

    /** Key in the Streams properties carrying the budget in bytes. */
    static final String BUDGET_BYTES = "mieruka.state-memory-bytes";

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    /** One cache for the whole JVM: created on first use with the first budget asked for. */
    private static synchronized void init(long bytes) {
        if (cache == null) {
            budget = bytes;
            // A quarter of the budget for memtables; high-priority pool for index and filter blocks.
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 4, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(BUDGET_BYTES);
        init(configured == null ? 256L << 20 : Long.parseLong(configured.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: closing them here would
        // break the others. They live as long as the JVM.
    }

    static synchronized long budget() {
        return budget;
    }
}
