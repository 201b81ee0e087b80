package dev.knot.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Template;

/** Records are stored as JSON objects with the original's snake_case field names, written and read by hand. */
final class Json {
    /**
     * A template holds up to three texts of 10 M characters each; Jackson's default cap on one string is near that,
     * so it is raised with room to spare (escaping can double a text's length).
     */
    private static final int MAXIMUM_STRING_LENGTH = 4 * Template.MAXIMUM_TEXT_LENGTH;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAXIMUM_STRING_LENGTH).build());
    }

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values always serialises", impossible);
        }
    }

    /**
     * @param what names the record in the error, e.g. "user 0193…"
     * @throws KnotException INTERNAL when the stored text is not a JSON object
     */
    static StoredObject read(String json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException error) {
            throw unreadable(what, "not JSON (" + error.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw unreadable(what, "not a JSON object");
        }
        return new StoredObject((ObjectNode) node, what);
    }

    static KnotException unreadable(String what, String reason) {
        return new KnotException(ErrorCode.INTERNAL, "the stored " + what + " in Redis is unreadable: " + reason);
    }
}
