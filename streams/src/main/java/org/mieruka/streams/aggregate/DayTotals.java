package org.mieruka.streams.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.mieruka.schemas.metric.EmployeeDay;

/** §4 sums of the employee-days of one group (org unit × week × work mode). */
final class DayTotals extends Accumulator {

    String orgUnit;
    LocalDate week;
    String workMode;
    long employeeDays;
    long activeMs;
    long afterHoursMs;
    long meetingMs;
    long onlineMeetingMs;
    long casesClosed;
    Employees employees = new Employees();

    static String groupKey(String orgUnit, LocalDate date, String workMode) {
        return orgUnit + "/" + Weeks.monday(date) + "/" + workMode;
    }

    static String groupKey(EmployeeDay d) {
        return groupKey(d.getOrgUnit(), d.getDayDate(), d.getWorkMode());
    }

    DayTotals add(EmployeeDay d) {
        orgUnit = d.getOrgUnit();
        week = Weeks.monday(d.getDayDate());
        workMode = d.getWorkMode();
        employeeDays++;
        activeMs += d.getActiveMs();
        afterHoursMs += d.getAfterHoursMs();
        meetingMs += d.getMeetingMs();
        onlineMeetingMs += d.getOnlineMeetingMs();
        casesClosed += d.getCasesClosed();
        employees.add(d.getEmployeePseudonym());
        touch();
        return this;
    }

    DayTotals remove(EmployeeDay d) {
        employeeDays--;
        activeMs -= d.getActiveMs();
        afterHoursMs -= d.getAfterHoursMs();
        meetingMs -= d.getMeetingMs();
        onlineMeetingMs -= d.getOnlineMeetingMs();
        casesClosed -= d.getCasesClosed();
        employees.remove(d.getEmployeePseudonym());
        touch();
        return this;
    }

    @Override
    void writeFields(DataOutputStream out) throws IOException {
        writeString(out, orgUnit);
        writeDate(out, week);
        writeString(out, workMode);
        out.writeLong(employeeDays);
        out.writeLong(activeMs);
        out.writeLong(afterHoursMs);
        out.writeLong(meetingMs);
        out.writeLong(onlineMeetingMs);
        out.writeLong(casesClosed);
        employees.write(out);
    }

    @Override
    void readFields(DataInputStream in) throws IOException {
        orgUnit = readString(in);
        week = readDate(in);
        workMode = readString(in);
        employeeDays = in.readLong();
        activeMs = in.readLong();
        afterHoursMs = in.readLong();
        meetingMs = in.readLong();
        onlineMeetingMs = in.readLong();
        casesClosed = in.readLong();
        employees = Employees.read(in);
    }
}
