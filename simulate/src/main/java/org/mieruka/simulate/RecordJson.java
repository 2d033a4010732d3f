package org.mieruka.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificRecord;

/**
 * The deterministic JSON form of a reference record: fields in schema order with their Avro
 * names, dates as YYYY-MM-DD, enums as their symbol, null written out, map keys sorted.
 */
final class RecordJson {

    private RecordJson() {
    }

    static void write(SpecificRecord record, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.writeFieldName(field.name());
            writeValue(record.get(field.pos()), json);
        }
        json.writeEndObject();
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof SpecificRecord nested) {
            write(nested, json);
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof LocalDate date) {
            json.writeString(date.toString());
        } else if (value instanceof Enum<?> symbol) {
            json.writeString(symbol.name());
        } else if (value instanceof GenericEnumSymbol<?> symbol) {
            json.writeString(symbol.toString());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof List<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(item, json);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
                json.writeFieldName(entry.getKey());
                writeValue(entry.getValue(), json);
            }
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k.toString(), v));
        return sorted;
    }
}
