package dev.knot.adapter.nomad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Plain Jackson for the calls the SDK lacks. Not the SDK's NomadJson: that mapper writes every unset field as
 * null, and the job Nomad parsed must go back exactly as Nomad wrote it.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** The text as a JSON object, or empty when it is not one. */
    static Optional<ObjectNode> object(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /** A field's text, or "" when it is missing, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            // A tree of plain nodes always serializes.
            throw new IllegalStateException("cannot write JSON", impossible);
        }
    }
}
