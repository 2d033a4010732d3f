package org.mieruka.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedKeysTest {

    private static EventKey key(int i) {
        return EventKey.of("docs-m365", "e" + i);
    }

    @Test
    void shouldTreatAKeyAsDuplicateOnlyOnceItsBatchWasWrittenOrWhileItIsBeingWritten() {
        AcceptedKeys keys = new AcceptedKeys();

        assertThat(keys.claim(List.of(key(1), key(2), key(1)))).containsExactly(true, true, false);
        assertThat(keys.claim(List.of(key(1)))).as("in flight in another request").containsExactly(false);
        keys.release(List.of(key(2)));
        keys.commit(List.of(key(1)));

        assertThat(keys.claim(List.of(key(1), key(2)))).containsExactly(false, true);
        assertThat(keys.contains(key(1))).isTrue();
    }

    @Test
    void shouldHoldManyKeysAcrossGrowthAndTellThemApart() {
        AcceptedKeys keys = new AcceptedKeys(16);
        List<EventKey> added = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            added.add(key(i));
            keys.learn(key(i));
        }
        keys.learn(key(5)); // learning twice changes nothing

        assertThat(keys.size()).isEqualTo(200_000);
        assertThat(added).allMatch(keys::contains);
        assertThat(keys.contains(key(200_000))).isFalse();
        assertThat(keys.contains(EventKey.of("docs-m36", "5e1"))).isFalse();
    }

    @Test
    void shouldKeyByTheRawTopicsRecordKey() {
        assertThat(EventKey.of("zoom", "m-1")).isEqualTo(EventKey.ofRecordKey("zoom/m-1".getBytes()));
        assertThat(EventKey.of("zoom", "m-1")).isNotEqualTo(EventKey.of("zoom", "m-2"));
    }
}
