package org.mieruka.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mieruka.schemas.event.WorkEvent;

/**
 * Property: whatever bytes arrive, decoding ends quickly with a record or an
 * {@link EventDecodingException}: never another exception, a null or a hang. Inputs are random,
 * truncated and bit-flipped encodings of real events; the seeds are fixed so a failure names an
 * input that can be replayed.
 */
class DecoderFuzzTest {

    private static final long SEED = 0x6D69_6572_756BL;
    private static final long HANG_LIMIT_MS = 2_000;

    private static ExecutorService worker;
    private final SingleObjectSerde<WorkEvent> serde = Serdes.workEvent();

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-decoder");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    private List<byte[]> validEncodings() {
        List<byte[]> encodings = new ArrayList<>();
        encodings.add(serde.encode(Samples.meeting()));
        encodings.add(serde.encode(Samples.minimalPresence()));
        return encodings;
    }

    @Test
    void randomBytesGiveOnlyTheTypedError() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 30_000; i++) {
            byte[] input = new byte[random.nextInt(0, 256)];
            random.nextBytes(input);
            assertDecodesOrFailsTyped(input, "random #" + i);
        }
    }

    @Test
    void randomBodiesBehindAValidHeaderGiveOnlyTheTypedError() {
        // Past the marker and fingerprint, so that the body decoder itself is exercised.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        byte[] header = Arrays.copyOf(serde.encode(Samples.meeting()), 10);
        for (int i = 0; i < 30_000; i++) {
            byte[] input = Arrays.copyOf(header, 10 + random.nextInt(0, 300));
            byte[] body = new byte[input.length - 10];
            random.nextBytes(body);
            System.arraycopy(body, 0, input, 10, body.length);
            assertDecodesOrFailsTyped(input, "random body #" + i);
        }
    }

    @Test
    void everyTruncationGivesTheTypedError() {
        for (byte[] valid : validEncodings()) {
            for (int length = 0; length < valid.length; length++) {
                byte[] input = Arrays.copyOf(valid, length);
                EventDecodingException error = assertFailsTyped(input, "truncated to " + length);
                assertThat(error.problem()).isIn(EventDecodingException.Problem.values());
            }
        }
    }

    @Test
    void everySingleBitFlipGivesARecordOrTheTypedError() {
        for (byte[] valid : validEncodings()) {
            for (int bit = 0; bit < valid.length * 8; bit++) {
                byte[] input = valid.clone();
                input[bit / 8] ^= (byte) (1 << (bit % 8));
                assertDecodesOrFailsTyped(input, "bit " + bit + " flipped");
            }
        }
    }

    @Test
    void randomMultiByteCorruptionGivesARecordOrTheTypedError() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<byte[]> valid = validEncodings();
        for (int i = 0; i < 30_000; i++) {
            byte[] input = valid.get(i % valid.size()).clone();
            int flips = random.nextInt(1, 8);
            for (int f = 0; f < flips; f++) {
                // Mostly the body: a damaged header is already covered by the other properties.
                input[random.nextInt(10, input.length)] = (byte) random.nextInt(256);
            }
            assertDecodesOrFailsTyped(input, "corrupted #" + i);
        }
    }

    private void assertDecodesOrFailsTyped(byte[] input, String label) {
        Object outcome = decodeWithin(input, label);
        if (outcome instanceof WorkEvent event) {
            assertThat(event.getEventId()).as(label).isNotNull();
        } else if (!(outcome instanceof EventDecodingException)) {
            fail(label + ": decoder gave " + outcome + " for " + Arrays.toString(input));
        }
    }

    private EventDecodingException assertFailsTyped(byte[] input, String label) {
        Object outcome = decodeWithin(input, label);
        if (outcome instanceof EventDecodingException error) {
            return error;
        }
        return fail(label + ": expected the typed error, decoder gave " + outcome);
    }

    /** The record, the typed error, or whatever else came out (which fails the property). */
    private Object decodeWithin(byte[] input, String label) {
        Future<Object> result = worker.submit(() -> {
            try {
                return serde.decode(input);
            } catch (EventDecodingException e) {
                return e;
            }
        });
        try {
            Object outcome = result.get(HANG_LIMIT_MS, TimeUnit.MILLISECONDS);
            return outcome == null ? "null" : outcome;
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail(label + ": decoder still running after " + HANG_LIMIT_MS + " ms for " + Arrays.toString(input));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(label + ": interrupted");
        }
    }
}
