package org.mieruka.ingest.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the Microsoft 365 unified audit log export: when (UTC; the portal writes ISO-8601
 * with seven fraction digits, older exports {@code 4/6/2026 12:12:03 AM}), who (a UPN), which
 * operation, and the record's JSON {@code AuditData}. Only SharePoint/OneDrive file operations
 * are document work; every other operation is not ours.
 */
final class AuditLogRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Audit operation to DOCUMENT action. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("FileAccessed", "viewed"), Map.entry("FileDownloaded", "viewed"),
            Map.entry("FilePreviewed", "viewed"),
            Map.entry("FileModified", "edited"), Map.entry("FileModifiedExtended", "edited"),
            Map.entry("FileUploaded", "created"), Map.entry("FileCreated", "created"),
            Map.entry("SharingSet", "sent"), Map.entry("SharingInvitationCreated", "sent"),
            Map.entry("AnonymousLinkCreated", "sent"));

    private AuditLogRow() {
    }

    static Optional<OffsetDateTime> creationDate(String text) {
        return ExportTime.either(ExportTime.ISO, ExportTime.US).parse(text, ZoneOffset.UTC);
    }

    static Optional<JsonNode> auditData(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
