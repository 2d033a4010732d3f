package org.mieruka.schemas.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.deadletter.Stage;
import org.mieruka.schemas.event.Channel;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.Location;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.metric.EventCount;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DayType;
import org.mieruka.schemas.reference.DirectoryEntry;
import org.mieruka.schemas.reference.DutyType;
import org.mieruka.schemas.reference.Intervention;
import org.mieruka.schemas.reference.OrgUnit;
import org.mieruka.schemas.reference.PersonalDataLevel;
import org.mieruka.schemas.reference.ProcessDefinition;
import org.mieruka.schemas.reference.ProcessStep;
import org.mieruka.schemas.reference.TeleworkEligibility;

/** Typical records of every type, with every field set, and with only the required ones. */
public final class Samples {

    private Samples() {
    }

    public static WorkEvent meeting() {
        return WorkEvent.newBuilder().setEventId("zoom-8812-E004211").setSourceSystem("zoom")
                .setKind(EventKind.MEETING).setAction("attended")
                .setOccurredAt(Instant.parse("2026-04-06T01:00:00Z")).setEmployee("E004211")
                .setOrgUnit("SHIMIN").setObjectId("8812").setProcessCode("KAIGIROKU")
                .setChannel(Channel.ONLINE).setLocation(Location.HOME).setDurationMs(1_800_000L)
                .setAttributes(Map.of("role", "attendee")).setReceivedAt(Instant.parse("2026-04-06T01:31:02.120Z"))
                .build();
    }

    public static WorkEvent minimalPresence() {
        return WorkEvent.newBuilder().setEventId("p-1").setSourceSystem("pc-logon").setKind(EventKind.PRESENCE)
                .setAction("logon").setOccurredAt(Instant.parse("2026-04-06T23:29:00Z")).setEmployee("E000001")
                .build();
    }

    /** Every record type, fully populated and with only its required fields. */
    public static List<Object> everyRecord() {
        return List.of(
                meeting(),
                minimalPresence(),
                org.mieruka.schemas.event.PseudonymousEvent.newBuilder().setEventId("zoom-8812-E004211")
                        .setSourceSystem("zoom").setKind(EventKind.MEETING).setAction("attended")
                        .setOccurredAt(Instant.parse("2026-04-06T01:00:00Z"))
                        .setEmployeePseudonym("3f1c9a0b7d2e4f6a8b1c2d3e4f5a6b7c").setPseudonymKey("k2026")
                        .setObjectId("8812").setChannel(Channel.ONLINE).setLocation(Location.HOME)
                        .setDurationMs(1_800_000L).build(),
                DirectoryEntry.newBuilder().setEmployee("E004211").setOrgUnit("SHIMIN").setJobClass("主事")
                        .setDutyType(DutyType.COUNTER).setFte(0.77).setValidFrom(LocalDate.of(2026, 4, 1)).build(),
                DirectoryEntry.newBuilder().setEmployee("E004211").setDutyType(DutyType.INTERNAL).setFte(1.0)
                        .setValidFrom(LocalDate.of(2027, 3, 31)).build(),
                org.mieruka.schemas.reference.PseudonymousDirectoryEntry.newBuilder()
                        .setEmployeePseudonym("3f1c9a0b7d2e4f6a8b1c2d3e4f5a6b7c").setPseudonymKey("k2026")
                        .setOrgUnit("SHIMIN").setDutyType(DutyType.COUNTER).setFte(0.77)
                        .setValidFrom(LocalDate.of(2026, 4, 1)).build(),
                ProcessDefinition.newBuilder().setProcessCode("JUMINHYO").setNameJa("住民票の写し等交付")
                        .setNameEn("Issuing certificates of residence").setCategory("窓口")
                        .setSteps(List.of(
                                ProcessStep.newBuilder().setCode("UKETSUKE").setNameJa("受付").setNameEn("Reception").build(),
                                ProcessStep.newBuilder().setCode("KOFU").setNameJa("交付").setNameEn("Issue").build()))
                        .setTeleworkEligibility(TeleworkEligibility.NO)
                        .setPersonalDataLevel(PersonalDataLevel.MY_NUMBER).build(),
                ProcessDefinition.newBuilder().setProcessCode("KAIGIROKU").setNameJa("会議録作成")
                        .setNameEn("Writing minutes").setCategory("内部事務")
                        .setTeleworkEligibility(TeleworkEligibility.YES)
                        .setPersonalDataLevel(PersonalDataLevel.NONE).build(),
                OrgUnit.newBuilder().setCode("SHIMIN").setNameJa("市民課").setNameEn("Citizens Division")
                        .setParent("SHIMINBU").build(),
                OrgUnit.newBuilder().setCode("SHIMINBU").setNameJa("市民部").setNameEn("Citizens Department").build(),
                CalendarDay.newBuilder().setDate(LocalDate.of(2027, 1, 1)).setDayType(DayType.NATIONAL_HOLIDAY)
                        .setNameJa("元日").setNameEn("New Year's Day").build(),
                CalendarDay.newBuilder().setDate(LocalDate.of(2026, 12, 29)).setDayType(DayType.CITY_CLOSING).build(),
                Intervention.newBuilder().setInterventionId("telework-pilot-2026").setNameJa("テレワーク・モデル部署")
                        .setNameEn("Telework model departments").setDescription("在宅勤務を事後報告で実施")
                        .setOrgUnits(List.of("SHIMIN", "SHISAN")).setStartDate(LocalDate.of(2026, 6, 1))
                        .setEndDate(LocalDate.of(2026, 11, 30)).build(),
                Intervention.newBuilder().setInterventionId("paperless").setNameJa("ペーパーレス")
                        .setNameEn("Paperless").setStartDate(LocalDate.of(2026, 10, 1)).build(),
                DeadLetter.newBuilder().setSource("approval-sys").setStage(Stage.INGEST)
                        .setReason(RejectionReason.BAD_TIMESTAMP).setField("occurred_at")
                        .setMessage("must be ISO-8601 with an offset")
                        .setPayload(ByteBuffer.wrap("{\"event_id\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                        .setOriginTopic("mieruka.events.raw").setOriginPartition(3).setOriginOffset(42L)
                        .setRejectedAt(Instant.parse("2026-04-06T01:00:00Z")).build(),
                DeadLetter.newBuilder().setSource("ingest").setStage(Stage.INGEST).setReason(RejectionReason.MY_NUMBER)
                        .setMessage("carries an Individual Number").setPayloadWithheld(true)
                        .setRejectedAt(Instant.parse("2026-04-06T01:00:00Z")).build(),
                EventCount.newBuilder().setSourceSystem("zoom").setKind("MEETING")
                        .setEventDate(LocalDate.of(2026, 4, 6)).setEvents(12).setVersion(3).build(),
                org.mieruka.schemas.metric.EventCredit.newBuilder().setSourceSystem("approval-sys").setEventId("e-1")
                        .setEmployeePseudonym("0123456789abcdef0123456789abcdef").setPseudonymKey("k1")
                        .setEventDate(LocalDate.of(2026, 4, 6)).setOccurredAt(Instant.parse("2026-04-06T00:12:00Z"))
                        .setKind("WORKFLOW").setAction("step_completed").setOrgUnit("SHIMIN")
                        .setUnitDiffersFromDirectory(false).setProcessCode("P-JUMIN-01").setChannel("ELECTRONIC")
                        .setObjectId("case-9").setStep("CHECK").setCreditedFrom(Instant.parse("2026-04-06T00:12:00Z"))
                        .setCreditedTo(Instant.parse("2026-04-06T00:20:00Z")).setCreditMs(480_000L).setAfterHoursMs(0L)
                        .setOrgUnitCatalogued(true).setProcessCatalogued(true).setProcessCategory("住民記録")
                        .setTeleworkEligibility("PARTIAL").setPersonalDataLevel("MY_NUMBER").setStepCatalogued(true)
                        .setDayOrgUnit("SHIMIN").setWorkMode("HOME").setVersion(2).build(),
                org.mieruka.schemas.metric.EmployeeDay.newBuilder()
                        .setEmployeePseudonym("0123456789abcdef0123456789abcdef").setPseudonymKey("k1")
                        .setDayDate(LocalDate.of(2026, 4, 6)).setOrgUnit("SHIMIN").setFte(1.0).setWorkMode("HOME")
                        .setWorkModeSource("REPORT").setReportConflict(false).setActivityEvents(40).setActiveMs(25_200_000L)
                        .setSpanMs(31_000_000L).setAfterHoursMs(600_000L).setMeetingMs(3_600_000L)
                        .setOnlineMeetingMs(3_600_000L).setCasesClosed(2).setVersion(5).build(),
                org.mieruka.schemas.metric.WorkCase.newBuilder().setSourceSystem("approval-sys").setObjectId("case-9")
                        .setProcessCode("P-JUMIN-01").setOpenedAt(Instant.parse("2026-04-06T00:00:00Z"))
                        .setLeftCensored(false).setClosedAt(Instant.parse("2026-04-08T06:00:00Z"))
                        .setCycleMs(194_400_000L).setTouchMs(5_400_000L).setWaitMs(189_000_000L).setSteps(3)
                        .setHandoffs(1).setVariant(List.of("RECEIVE", "CHECK", "APPROVE"))
                        .setLastStepEventId("e-3").setEvents(5).setVersion(4).build(),
                org.mieruka.schemas.metric.WorkHours.newBuilder().setOrgUnit("SHIMIN").setWeek(LocalDate.of(2026, 4, 6))
                        .setProcessCode("P-JUMIN-01").setKind("WORKFLOW").setChannel("ELECTRONIC").setWorkMode("HOME")
                        .setCreditMs(7_200_000L).setAfterHoursMs(0L).setEvents(31).setEmployees(6).setVersion(9).build(),
                org.mieruka.schemas.metric.TeleworkEffect.newBuilder().setOrgUnit("SHIMIN")
                        .setWeek(LocalDate.of(2026, 4, 6)).setWorkMode("HOME").setEmployeeDays(12).setEmployees(7)
                        .setActiveMs(300_000_000L).setAfterHoursMs(3_000_000L).setMeetingMs(30_000_000L)
                        .setOnlineMeetingMs(25_000_000L).setCasesClosed(9).setClosedCasesPlaced(4)
                        .setCycleMedianMs(86_400_000L).setVersion(11).build());
    }
}
