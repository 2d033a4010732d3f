package org.mieruka.schemas.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * The field table of a record schema as Markdown, in English (the fields' {@code doc}) or Japanese
 * ({@code doc_ja}). docs/events.md and docs/events.ja.md embed these tables, and a test keeps them
 * equal to the schemas, so the documentation cannot drift from the contract.
 */
public final class SchemaTable {

    /** The language of a table. */
    public enum Language {
        EN("field", "type", "required", "meaning", "yes", "no, default ", "doc"),
        JA("フィールド", "型", "必須", "意味", "必須", "任意・既定値 ", "doc_ja");

        final String field;
        final String type;
        final String required;
        final String meaning;
        final String yes;
        final String defaultPrefix;
        final String docProperty;

        Language(String field, String type, String required, String meaning, String yes, String defaultPrefix,
                 String docProperty) {
            this.field = field;
            this.type = type;
            this.required = required;
            this.meaning = meaning;
            this.yes = yes;
            this.defaultPrefix = defaultPrefix;
            this.docProperty = docProperty;
        }
    }

    private SchemaTable() {
    }

    public static String render(Schema record, Language language) {
        StringBuilder table = new StringBuilder()
                .append("| ").append(language.field).append(" | ").append(language.type).append(" | ")
                .append(language.required).append(" | ").append(language.meaning).append(" |\n")
                .append("|---|---|---|---|\n");
        for (Schema.Field field : record.getFields()) {
            table.append("| `").append(field.name()).append("` | ").append(type(field.schema()))
                    .append(" | ").append(required(field, language))
                    .append(" | ").append(cell(doc(field, language))).append(" |\n");
        }
        return table.toString();
    }

    /** The records {@code record} contains (such as ProcessStep in ProcessDefinition), which get tables too. */
    public static List<Schema> nestedRecords(Schema record) {
        List<Schema> nested = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            collect(field.schema(), nested);
        }
        return nested;
    }

    private static void collect(Schema schema, List<Schema> into) {
        switch (schema.getType()) {
            case RECORD -> {
                into.add(schema);
                into.addAll(nestedRecords(schema));
            }
            case ARRAY -> collect(schema.getElementType(), into);
            case MAP -> collect(schema.getValueType(), into);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, into));
            default -> { }
        }
    }

    static String type(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null) {
            return logical.getName();
        }
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL)
                    .map(SchemaTable::type).collect(Collectors.joining(" or "));
            case ENUM -> "enum " + schema.getName() + ": " + symbols(schema);
            case ARRAY -> "array of " + type(schema.getElementType());
            case MAP -> "map of string to " + type(schema.getValueType());
            case RECORD -> schema.getName();
            default -> schema.getType().getName();
        };
    }

    private static String symbols(Schema enumSchema) {
        String fallback = enumSchema.getEnumDefault();
        return enumSchema.getEnumSymbols().stream()
                .map(symbol -> symbol.equals(fallback) && isReaderOnly(enumSchema) ? "(" + symbol + ")" : symbol)
                .map(symbol -> "`" + symbol + "`")
                .collect(Collectors.joining(", "));
    }

    /** OTHER-style fallbacks producers never write are shown in parentheses. */
    private static boolean isReaderOnly(Schema enumSchema) {
        return "OTHER".equals(enumSchema.getEnumDefault());
    }

    private static String required(Schema.Field field, Language language) {
        if (!field.hasDefaultValue()) {
            return language.yes;
        }
        Object value = field.defaultVal();
        String shown = value == JsonProperties.NULL_VALUE ? "null" : String.valueOf(value);
        return language.defaultPrefix + "`" + shown + "`";
    }

    private static String doc(Schema.Field field, Language language) {
        Object doc = language == Language.EN ? englishDoc(field) : field.getObjectProp(language.docProperty);
        if (doc == null) {
            throw new IllegalStateException("field " + field.name() + " has no " + language.docProperty);
        }
        return doc.toString();
    }

    /** The field's doc, else that of its named type (an enum documents its symbols once, on the type). */
    private static String englishDoc(Schema.Field field) {
        if (field.doc() != null) {
            return field.doc();
        }
        Schema type = field.schema();
        if (type.getType() == Schema.Type.UNION) {
            type = type.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).findFirst().orElse(type);
        }
        return type.getType() == Schema.Type.ENUM || type.getType() == Schema.Type.RECORD ? type.getDoc() : null;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
