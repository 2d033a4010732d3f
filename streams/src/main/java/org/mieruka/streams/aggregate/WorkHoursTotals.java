package org.mieruka.streams.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.mieruka.schemas.metric.EventCredit;
import org.mieruka.schemas.metric.WorkHours;

/** §1 totals of one group (event org unit × week × process × kind × channel × work mode). */
final class WorkHoursTotals extends Accumulator {

    String orgUnit;
    LocalDate week;
    String process;
    String kind;
    String channel;
    String workMode;
    long creditMs;
    long afterHoursMs;
    long events;
    Employees employees = new Employees();

    static String groupKey(EventCredit c) {
        return c.getOrgUnit() + "/" + Weeks.monday(c.getEventDate()) + "/" + c.getProcessCode() + "/" + c.getKind()
                + "/" + c.getChannel() + "/" + c.getWorkMode();
    }

    WorkHoursTotals add(EventCredit c) {
        orgUnit = c.getOrgUnit();
        week = Weeks.monday(c.getEventDate());
        process = c.getProcessCode();
        kind = c.getKind();
        channel = c.getChannel();
        workMode = c.getWorkMode();
        creditMs += c.getCreditMs();
        afterHoursMs += c.getAfterHoursMs();
        events++;
        employees.add(c.getEmployeePseudonym());
        touch();
        return this;
    }

    WorkHoursTotals remove(EventCredit c) {
        creditMs -= c.getCreditMs();
        afterHoursMs -= c.getAfterHoursMs();
        events--;
        employees.remove(c.getEmployeePseudonym());
        touch();
        return this;
    }

    WorkHours toRecord() {
        return WorkHours.newBuilder().setOrgUnit(orgUnit).setWeek(week).setProcessCode(process).setKind(kind)
                .setChannel(channel).setWorkMode(workMode).setCreditMs(creditMs).setAfterHoursMs(afterHoursMs)
                .setEvents(events).setEmployees(employees.size()).setVersion(version).build();
    }

    @Override
    void writeFields(DataOutputStream out) throws IOException {
        writeString(out, orgUnit);
        writeDate(out, week);
        writeString(out, process);
        writeString(out, kind);
        writeString(out, channel);
        writeString(out, workMode);
        out.writeLong(creditMs);
        out.writeLong(afterHoursMs);
        out.writeLong(events);
        employees.write(out);
    }

    @Override
    void readFields(DataInputStream in) throws IOException {
        orgUnit = readString(in);
        week = readDate(in);
        process = readString(in);
        kind = readString(in);
        channel = readString(in);
        workMode = readString(in);
        creditMs = in.readLong();
        afterHoursMs = in.readLong();
        events = in.readLong();
        employees = Employees.read(in);
    }
}
