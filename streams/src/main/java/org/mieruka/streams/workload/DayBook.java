package org.mieruka.streams.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The employee-days of one task in two stores: one small entry per day
 * ({@code date/pseudonym} → version, emitted fingerprint, report) and one per event
 * ({@code date/pseudonym/source_system/event_id} → the event and its emitted fingerprint). Saving
 * a day writes its own entry and only the events that changed (plus, once, an entry in the
 * employee's index of days), so the changelog carries a few
 * hundred bytes per event instead of the whole day again. Keys start with the date, so the days
 * past the retention are one range from the start.
 */
final class DayBook {

    private final KeyValueStore<String, byte[]> days;
    private final KeyValueStore<String, byte[]> events;
    /** pseudonym/date → nothing: which days an employee has, for a directory change to visit. */
    private final KeyValueStore<String, byte[]> index;
    private static final byte[] PRESENT = new byte[0];
    private final StringSerializer keys = new StringSerializer();

    DayBook(KeyValueStore<String, byte[]> days, KeyValueStore<String, byte[]> events,
            KeyValueStore<String, byte[]> index) {
        this.days = days;
        this.events = events;
        this.index = index;
    }

    /**
     * The dates from {@code from} on for which the employee has a stored day, in order. Index
     * entries of days already forgotten are removed on the way (the index is keyed by employee,
     * so the retention sweep cannot reach it by date).
     */
    List<LocalDate> dates(String pseudonym, LocalDate from) {
        List<LocalDate> dates = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> stored = index.prefixScan(pseudonym + "/", keys)) {
            stored.forEachRemaining(kv -> {
                LocalDate date = LocalDate.parse(kv.key.substring(pseudonym.length() + 1));
                if (days.get(dayKey(pseudonym, date)) == null) {
                    stale.add(kv.key);
                } else if (!date.isBefore(from)) {
                    dates.add(date);
                }
            });
        }
        stale.forEach(index::delete);
        return dates;
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
    }

    static String dayKey(String pseudonym, LocalDate date) {
        return date + "/" + pseudonym;
    }

    private static String eventPrefix(String pseudonym, LocalDate date) {
        return dayKey(pseudonym, date) + "/";
    }

    /** The stored day, or null when nothing is stored for it. */
    DayState load(String pseudonym, LocalDate date) {
        byte[] day = days.get(dayKey(pseudonym, date));
        if (day == null) {
            return null;
        }
        List<byte[]> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> stored = events.prefixScan(eventPrefix(pseudonym, date), keys)) {
            stored.forEachRemaining(kv -> entries.add(kv.value));
        }
        return DayStateSerde.read(day, entries);
    }

    void save(String pseudonym, LocalDate date, DayState state) {
        days.put(dayKey(pseudonym, date), DayStateSerde.writeDay(state));
        if (!state.stored) {
            index.put(pseudonym + "/" + date, PRESENT);
            state.stored = true;
        }
        if (state.dirty.isEmpty()) {
            return;
        }
        String prefix = eventPrefix(pseudonym, date);
        for (Activity activity : state.activities) {
            if (state.dirty.contains(activity.key())) {
                events.put(prefix + activity.key(), DayStateSerde.writeEvent(activity,
                        state.emittedCredits.get(activity.key())));
            }
        }
        state.dirty.clear();
    }

    /** The newest date stored, or null. */
    LocalDate newestDate() {
        try (KeyValueIterator<String, byte[]> last = days.reverseAll()) {
            return last.hasNext() ? LocalDate.parse(last.next().key.substring(0, 10)) : null;
        }
    }

    /** Deletes every day (and its events) dated before {@code end}; returns the number of days. */
    int forgetBefore(LocalDate end) {
        String bound = end.toString();
        int forgotten = deleteBefore(days, bound);
        deleteBefore(events, bound);
        return forgotten;
    }

    private static int deleteBefore(KeyValueStore<String, byte[]> store, String bound) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> stored = store.range(null, bound)) {
            stored.forEachRemaining(kv -> {
                if (kv.key.compareTo(bound) < 0) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(store::delete);
        return old.size();
    }
}
