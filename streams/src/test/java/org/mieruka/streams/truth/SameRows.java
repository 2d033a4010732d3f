package org.mieruka.streams.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Compares figures derived from the outputs with the truth file's, group by group. */
final class SameRows {

    private SameRows() {
    }

    /** Whether both lists have the same groups with the same values (doubles to a relative 1e-9). */
    static <R extends Record> boolean same(List<R> ours, List<R> truth, Function<R, Object> key) {
        Map<Object, R> actual = new HashMap<>();
        ours.forEach(r -> actual.put(key.apply(r), r));
        if (actual.size() != truth.size()) {
            return false;
        }
        return truth.stream().allMatch(r -> actual.containsKey(key.apply(r))
                && difference(actual.get(key.apply(r)), r) == null);
    }

    /** Same groups, and in each group the same values (doubles to a relative 1e-9). */
    static <R extends Record> void assertSameRows(List<R> ours, List<R> truth, Function<R, Object> key) {
        assertThat(truth).as("the truth has groups to compare").isNotEmpty();
        Map<Object, R> expected = new HashMap<>();
        truth.forEach(r -> assertThat(expected.put(key.apply(r), r)).as("truth key %s", key.apply(r)).isNull());
        Map<Object, R> actual = new HashMap<>();
        ours.forEach(r -> assertThat(actual.put(key.apply(r), r)).as("our key %s", key.apply(r)).isNull());
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((k, want) -> {
            String difference = difference(actual.get(k), want);
            if (difference != null) {
                differences.add(k + ": " + difference);
            }
        });
        assertThat(differences).as("%d of %d groups differ", differences.size(), expected.size()).isEmpty();
    }

    static String difference(Record got, Record want) {
        for (RecordComponent component : want.getClass().getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(got);
                Object b = component.getAccessor().invoke(want);
                boolean same = a instanceof Double x && b instanceof Double y
                        ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)) : Objects.equals(a, b);
                if (!same) {
                    return component.getName() + " = " + a + ", truth " + b;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
