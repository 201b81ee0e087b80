package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored JSON object being read back: each getter fails with INTERNAL, naming the record and the field, when the
 * field is missing or of the wrong type, so a damaged record is reported rather than half-read. Records'
 * own validation still runs when they are built from the values.
 */
final class StoredObject {
    private final ObjectNode node;
    private final String what;

    StoredObject(ObjectNode node, String what) {
        this.node = requireNonNull(node, "node is null");
        this.what = requireNonNull(what, "what is null");
    }

    String text(String field) {
        JsonNode value = field(field);
        if (!value.isTextual()) {
            throw wrongType(field, "text");
        }
        return value.textValue();
    }

    boolean bool(String field) {
        JsonNode value = field(field);
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return value.booleanValue();
    }

    int integer(String field) {
        JsonNode value = field(field);
        if (!value.isInt()) {
            throw wrongType(field, "a whole number");
        }
        return value.intValue();
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException error) {
            throw wrongType(field, "an ISO-8601 instant");
        }
    }

    /** null when the field holds JSON null (e.g. no login yet). */
    Instant instantOrNull(String field) {
        return field(field).isNull() ? null : instant(field);
    }

    <T> Id<T> id(String field) {
        String text = text(field);
        if (!Id.isValid(text)) {
            throw wrongType(field, "an id");
        }
        return Id.of(text);
    }

    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array(field)) {
            if (!element.isTextual()) {
                throw wrongType(field, "a list of texts");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    <T> Set<Id<T>> ids(String field) {
        Set<Id<T>> ids = new LinkedHashSet<>();
        for (String text : texts(field)) {
            if (!Id.isValid(text)) {
                throw wrongType(field, "a list of ids");
            }
            ids.add(Id.of(text));
        }
        return ids;
    }

    /** The members of a JSON object field, each read as a {@link StoredObject}. */
    Map<String, StoredObject> objects(String field) {
        Map<String, StoredObject> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(field).properties()) {
            if (!entry.getValue().isObject()) {
                throw wrongType(field, "an object of objects");
            }
            objects.put(entry.getKey(), new StoredObject((ObjectNode) entry.getValue(), what));
        }
        return objects;
    }

    Map<String, String> textsByName(String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(field).properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrongType(field, "an object of texts");
            }
            texts.put(entry.getKey(), entry.getValue().textValue());
        }
        return texts;
    }

    Map<String, Long> numbersByName(String field) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(field).properties()) {
            if (!entry.getValue().canConvertToExactIntegral() || !entry.getValue().canConvertToLong()) {
                throw wrongType(field, "an object of whole numbers");
            }
            numbers.put(entry.getKey(), entry.getValue().longValue());
        }
        return numbers;
    }

    /** An object keyed by port number, e.g. {"5432": "Postgres"}. */
    Map<Integer, String> textsByPort(String field) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : textsByName(field).entrySet()) {
            try {
                ports.put(Integer.valueOf(entry.getKey()), entry.getValue());
            } catch (NumberFormatException error) {
                throw wrongType(field, "an object keyed by port number");
            }
        }
        return ports;
    }

    /** An error saying this record is unreadable, for checks the getters cannot make (an unknown enum name). */
    KnotException unreadable(String reason) {
        return Json.unreadable(what, reason);
    }

    private ObjectNode object(String field) {
        JsonNode value = field(field);
        if (!value.isObject()) {
            throw wrongType(field, "an object");
        }
        return (ObjectNode) value;
    }

    private ArrayNode array(String field) {
        JsonNode value = field(field);
        if (!value.isArray()) {
            throw wrongType(field, "a list");
        }
        return (ArrayNode) value;
    }

    private JsonNode field(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw Json.unreadable(what, "field " + field + " is missing");
        }
        return value;
    }

    private KnotException wrongType(String field, String expected) {
        return Json.unreadable(what, "field " + field + " is not " + expected);
    }
}
