package org.mieruka.streams.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;

/**
 * The stored form of a {@link DayState}'s entries: a format byte, then fields in a fixed order.
 * Enums are written by name so that new symbols never shift old records. The format byte lets a
 * later release read state written by this one (the changelog outlives a deployment).
 */
final class DayStateSerde {

    private static final byte FORMAT = 1;

    private DayStateSerde() {
    }

    /** The day's own entry: version, fingerprint of the emitted employee-day, latest report. */
    static byte[] writeDay(DayState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(state.version);
            out.writeLong(state.emittedDay);
            out.writeBoolean(state.report != null);
            if (state.report != null) {
                writeActivity(out, state.report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An event's entry: the event and the fingerprint of its last emitted credit (0: none). */
    static byte[] writeEvent(Activity activity, Long emitted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeActivity(out, activity);
            out.writeBoolean(emitted != null);
            out.writeLong(emitted == null ? 0 : emitted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A day from its own entry and its events' entries. */
    static DayState read(byte[] day, List<byte[]> events) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(day))) {
            checkFormat(in.readByte());
            long version = in.readLong();
            long emittedDay = in.readLong();
            Activity report = in.readBoolean() ? readActivity(in) : null;
            List<Activity> activities = new ArrayList<>(events.size() + 1);
            Map<String, Long> emitted = new HashMap<>(Math.max(4, events.size() * 2));
            for (byte[] entry : events) {
                try (DataInputStream e = new DataInputStream(new ByteArrayInputStream(entry))) {
                    checkFormat(e.readByte());
                    Activity activity = readActivity(e);
                    activities.add(activity);
                    boolean hasFingerprint = e.readBoolean();
                    long fingerprint = e.readLong();
                    if (hasFingerprint) {
                        emitted.put(activity.key(), fingerprint);
                    }
                }
            }
            DayState state = new DayState(version, emittedDay, activities, report, emitted);
            state.stored = true;
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkFormat(byte format) {
        if (format != FORMAT) {
            throw new IllegalStateException("employee-day state of unknown format " + format);
        }
    }

    private static void writeActivity(DataOutputStream out, Activity a) throws IOException {
        writeString(out, a.sourceSystem());
        writeString(out, a.eventId());
        writeString(out, a.kind().name());
        writeString(out, a.action());
        out.writeLong(a.occurredAt());
        writeString(out, a.orgUnit());
        writeString(out, a.objectId());
        writeString(out, a.processCode());
        writeString(out, a.channel() == null ? null : a.channel().name());
        writeString(out, a.location() == null ? null : a.location().name());
        out.writeLong(a.durationMs());
        writeString(out, a.step());
        writeString(out, a.reportDate());
        writeString(out, a.pseudonymKey());
    }

    private static Activity readActivity(DataInputStream in) throws IOException {
        String source = readString(in);
        String eventId = readString(in);
        EventKind kind = EventKind.valueOf(readString(in));
        String action = readString(in);
        long occurredAt = in.readLong();
        String orgUnit = readString(in);
        String objectId = readString(in);
        String processCode = readString(in);
        String channel = readString(in);
        String location = readString(in);
        long duration = in.readLong();
        String step = readString(in);
        String reportDate = readString(in);
        String pseudonymKey = readString(in);
        return new Activity(source, eventId, kind, action, occurredAt, orgUnit, objectId, processCode,
                channel == null ? null : Channel.valueOf(channel), location == null ? null : Location.valueOf(location),
                duration, step, reportDate, pseudonymKey);
    }

    /** Length-prefixed UTF-8, -1 for null (DataOutput.writeUTF stops at 64 KiB). */
    static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("employee-day state truncated");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
