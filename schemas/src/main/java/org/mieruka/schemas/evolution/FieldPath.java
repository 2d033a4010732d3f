package org.mieruka.schemas.evolution;

import org.apache.avro.Schema;

/**
 * Turns a location of {@link org.apache.avro.SchemaCompatibility} (a JSON pointer into the reader
 * schema, such as {@code /fields/3/type/1/symbols}) into the field path a developer recognises
 * ({@code steps[].code}).
 */
final class FieldPath {

    private FieldPath() {
    }

    static String of(Schema reader, String location) {
        StringBuilder path = new StringBuilder();
        Schema schema = reader;
        String[] parts = location.split("/");
        for (int i = 0; i < parts.length && schema != null; i++) {
            String part = parts[i];
            switch (part) {
                case "" -> { }
                case "fields" -> {
                    if (i + 1 < parts.length && schema.getType() == Schema.Type.RECORD) {
                        Schema.Field field = schema.getFields().get(Integer.parseInt(parts[++i]));
                        path.append(path.length() == 0 ? "" : ".").append(field.name());
                        schema = field.schema();
                        i = skipType(parts, i);
                    }
                }
                case "items" -> {
                    path.append("[]");
                    schema = schema.getElementType();
                }
                case "values" -> {
                    path.append("{}");
                    schema = schema.getValueType();
                }
                default -> {
                    if (schema.getType() == Schema.Type.UNION && part.chars().allMatch(Character::isDigit)) {
                        schema = schema.getTypes().get(Integer.parseInt(part));
                    } else {
                        schema = null; // symbols, name, size: the path is complete
                    }
                }
            }
        }
        return path.length() == 0 ? "(record)" : path.toString();
    }

    private static int skipType(String[] parts, int i) {
        return i + 1 < parts.length && parts[i + 1].equals("type") ? i + 1 : i;
    }
}
