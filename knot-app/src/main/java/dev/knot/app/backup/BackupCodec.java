package dev.knot.app.backup;

import static java.lang.String.format;
import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One line of a backup file to JSON and back. The header is
 * {@code {"format":"knot-backup","format_version":1,"knot_version":..,"created_at":..,"counts":{..},"key_check":..}};
 * every other line is {@code {"kind":"user","version":1,"record":{..}}}. Reading is strict: an unknown or missing
 * field, a wrong type or a value the model refuses is an error, so a restore never guesses.
 */
final class BackupCodec {
    static final String FORMAT_NAME = "knot-backup";

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    String headerLine(BackupHeader header) {
        ObjectNode line = json.createObjectNode();
        line.put("format", FORMAT_NAME);
        line.put("format_version", header.formatVersion());
        line.put("knot_version", header.knotVersion());
        line.put("created_at", LineValues.text(header.createdAt()));
        ObjectNode counts = line.putObject("counts");
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind.fileName(), header.count(kind));
        }
        line.put("key_check", header.keyCheck().ciphertext());
        return write(line);
    }

    String recordLine(RecordKind kind, Object record) {
        ObjectNode line = json.createObjectNode();
        line.put("kind", kind.fileName());
        line.put("version", RecordKind.CURRENT_VERSION);
        line.set("record", json.valueToTree(toLine(kind, record)));
        return write(line);
    }

    /** @throws KnotException INVALID_ARGUMENT saying what is wrong with the header */
    BackupHeader parseHeader(String text) {
        JsonNode line = parse(text);
        if (!FORMAT_NAME.equals(line.path("format").asText(null))) {
            throw KnotException.invalid("this is not a knot backup (its first line has no \"format\": \""
                    + FORMAT_NAME + "\")");
        }
        int version = integer(line, "format_version");
        if (version > BackupHeader.FORMAT_VERSION) {
            throw KnotException.invalid(format("the backup's format version %d is newer than this knot reads (%d):"
                    + " restore it with the knot version that made it, or a newer one", version,
                    BackupHeader.FORMAT_VERSION));
        }
        if (version < 1) {
            throw KnotException.invalid("format_version: must be at least 1, got " + version);
        }
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        JsonNode countsNode = line.path("counts");
        if (!countsNode.isObject()) {
            throw KnotException.invalid("counts: is required (an object)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = countsNode.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            RecordKind kind = RecordKind.fromFileName(field.getKey()).orElseThrow(() -> KnotException.invalid(
                    format("counts: unknown kind \"%s\"", field.getKey())));
            if (!field.getValue().canConvertToExactIntegral() || field.getValue().asInt() < 0) {
                throw KnotException.invalid(format("counts.%s: must be a whole number of at least 0", field.getKey()));
            }
            counts.put(kind, field.getValue().asInt());
        }
        return new BackupHeader(version, text(line, "knot_version"),
                LineValues.instant("created_at", text(line, "created_at")), counts,
                new EncryptedValue(text(line, "key_check")));
    }

    /** @throws KnotException INVALID_ARGUMENT saying what is wrong with the line */
    ParsedRecord parseRecord(String text) {
        JsonNode line = parse(text);
        String kindName = text(line, "kind");
        RecordKind kind = RecordKind.fromFileName(kindName).orElseThrow(() -> KnotException.invalid(format(
                "unknown kind \"%s\" (a newer knot's backup?); this knot knows %s", kindName, knownKinds())));
        int version = integer(line, "version");
        if (version != RecordKind.CURRENT_VERSION) {
            throw KnotException.invalid(format("%s version %d is unknown to this knot (it reads version %d)",
                    kindName, version, RecordKind.CURRENT_VERSION));
        }
        JsonNode record = line.get("record");
        if (record == null || !record.isObject()) {
            throw KnotException.invalid("record: is required (an object)");
        }
        if (line.size() != 3) {
            throw KnotException.invalid("a record line holds exactly \"kind\", \"version\" and \"record\"");
        }
        RecordLine fields = bind(record, lineType(kind));
        return new ParsedRecord(kind, fields.id(), fields.toModel());
    }

    /** A record line read back: its kind, the id it gave, and the model record it made. */
    record ParsedRecord(RecordKind kind, String id, Object record) {}

    private static Object toLine(RecordKind kind, Object record) {
        return switch (kind) {
            case GROUP -> GroupLine.of((Group) record);
            case USER -> UserLine.of((User) record);
            case TEMPLATE -> TemplateLine.of((Template) record);
            case TEMPLATE_VAR -> TemplateVarLine.of((TemplateVar) record);
            case VOLUME -> VolumeLine.of((Volume) record);
            case SPACE -> SpaceLine.of((Space) record);
            case TOKEN -> TokenLine.of((Token) record);
        };
    }

    private static Class<? extends RecordLine> lineType(RecordKind kind) {
        return switch (kind) {
            case GROUP -> GroupLine.class;
            case USER -> UserLine.class;
            case TEMPLATE -> TemplateLine.class;
            case TEMPLATE_VAR -> TemplateVarLine.class;
            case VOLUME -> VolumeLine.class;
            case SPACE -> SpaceLine.class;
            case TOKEN -> TokenLine.class;
        };
    }

    private <T> T bind(JsonNode record, Class<T> type) {
        try {
            return json.treeToValue(record, type);
        } catch (JsonProcessingException invalid) {
            throw KnotException.invalid(invalid.getOriginalMessage());
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode line = json.readTree(text);
            if (line == null || !line.isObject()) {
                throw KnotException.invalid("not a JSON object");
            }
            return line;
        } catch (JsonProcessingException invalid) {
            throw KnotException.invalid("not valid JSON (" + invalid.getOriginalMessage() + ")");
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            throw KnotException.invalid(field + ": is required (a string)");
        }
        return value.textValue();
    }

    private static int integer(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isInt()) {
            throw KnotException.invalid(field + ": is required (a whole number)");
        }
        return value.intValue();
    }

    private static String knownKinds() {
        return Arrays.stream(RecordKind.values()).map(RecordKind::fileName).collect(joining(", "));
    }

    private String write(ObjectNode line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException impossible) {
            throw new KnotException(ErrorCode.INTERNAL,
                    "a backup line could not be written as JSON", impossible);
        }
    }
}
