package org.mieruka.store.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingBatchTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    @Test
    void shouldBeDueWhenFullOrWhenItsOldestRowHasWaitedLongEnough() {
        PendingBatch batch = new PendingBatch(3, Duration.ofSeconds(1));
        batch.add("{}", P0, 10, 0);
        batch.add("{}", P0, 11, 100_000_000L);

        assertThat(batch.due(500_000_000L)).isFalse();
        assertThat(batch.due(1_000_000_000L)).isTrue();
        batch.add("{}", P1, 4, 600_000_000L);
        assertThat(batch.due(600_000_000L)).isTrue();
    }

    @Test
    void shouldCommitOnePastTheLastOffsetOfEachPartitionIncludingRejectedRecords() {
        PendingBatch batch = new PendingBatch(100, Duration.ofSeconds(1));
        batch.add("{}", P0, 10, 0);
        batch.add(null, P0, 12, 0); // rejected to the dead-letter topic: no row, but its offset moves on
        batch.add("{}", P1, 3, 0);

        assertThat(batch.rows()).hasSize(2);
        assertThat(batch.nextOffsets()).containsEntry(P0, 13L).containsEntry(P1, 4L);
        batch.clear();
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.due(Long.MAX_VALUE)).isFalse();
    }
}
