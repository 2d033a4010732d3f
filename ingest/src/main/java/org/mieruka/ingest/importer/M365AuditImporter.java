package org.mieruka.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Microsoft 365 unified audit log CSV: SharePoint/OneDrive file operations become DOCUMENT events
 * ({@link AuditLogRow#ACTIONS}); other operations are ignored and counted. The event id is the
 * audit record's own {@code AuditData.Id} (a GUID) when present, so that overlapping exports of
 * the same days give the same id for the same record; else {@code <hash>-<line>}.
 */
public final class M365AuditImporter implements Importer {

    @Override
    public String format() {
        return "m365";
    }

    @Override
    public ImportSummary read(Path file, ImportSettings settings, Consumer<ImportedRecord> out)
            throws IOException, ImportException {
        ExportedCsv csv = ExportedCsv.open(file, ',', "audit log");
        FileFingerprint ids = csv.ids();
        CsvHeader header = csv.header();
        int created = header.column(true, "CreationDate");
        int user = header.column(true, "UserIds", "UserId");
        int operation = header.column(true, "Operations", "Operation");
        int data = header.column(true, "AuditData");
        header.requireAll("audit log");
        ImportRun run = new ImportRun();
        for (CsvRecord row : csv.rows()) {
            if (row.blank()) {
                continue;
            }
            if (row.broken() != null) {
                run.refuse(row.line(), row.broken());
                continue;
            }
            String action = AuditLogRow.ACTIONS.get(row.field(operation));
            if (action == null) {
                run.ignore();
                continue;
            }
            Optional<OffsetDateTime> at = AuditLogRow.creationDate(row.field(created));
            Optional<JsonNode> audit = AuditLogRow.auditData(row.field(data));
            if (at.isEmpty()) {
                run.refuse(row.line(), "CreationDate is not an ISO-8601 or M/d/yyyy h:mm:ss AM/PM time");
                continue;
            }
            if (audit.isEmpty()) {
                run.refuse(row.line(), "AuditData is not a JSON object");
                continue;
            }
            String recordId = AuditLogRow.text(audit.get(), "Id");
            String id = recordId.isEmpty() ? ids.eventId(row.line()) : recordId;
            OffsetDateTime local = at.get().atZoneSameInstant(settings.zone()).toOffsetDateTime();
            run.event(row.line(), new EventNode(id, settings.sourceSystem(), "DOCUMENT", action, local,
                    row.field(user))
                    .put("object_id", documentId(AuditLogRow.text(audit.get(), "ObjectId")))
                    .put("process_code", settings.defaultProcessCode())
                    .put("channel", "ELECTRONIC"));
        }
        return run.finish(out);
    }

    /**
     * The document's URL names its site and often its owner (OneDrive's /personal/taro_city_jp/...)
     * and title: a hash keeps "the same document" countable and nothing else.
     */
    static String documentId(String objectUrl) {
        return objectUrl.isEmpty() ? objectUrl
                : "spo-" + FileFingerprint.sha256Hex(objectUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 20);
    }
}
