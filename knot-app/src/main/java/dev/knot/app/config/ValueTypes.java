package dev.knot.app.config;

import static java.lang.String.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value kinds knot.yml uses. Scalars are read as leniently as the original's viper did (a quoted "3306" is a
 * number).
 */
final class ValueTypes {
    static final ValueType<String> TEXT = new ValueType<>() {
        @Override
        public String fromYaml(JsonNode node) {
            if (!node.isValueNode()) {
                throw new IllegalArgumentException("expected a text value, got " + describe(node));
            }
            return node.asText();
        }

        @Override
        public String fromText(String text) {
            return text;
        }
    };

    static final ValueType<Boolean> FLAG = new ValueType<>() {
        @Override
        public Boolean fromYaml(JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isTextual()) {
                return fromText(node.textValue());
            }
            throw new IllegalArgumentException("expected true or false, got " + describe(node));
        }

        @Override
        public Boolean fromText(String text) {
            String trimmed = text.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("true")) {
                return true;
            }
            if (trimmed.equals("false")) {
                return false;
            }
            throw new IllegalArgumentException(format("expected true or false, got \"%s\"", text));
        }
    };

    static final ValueType<Integer> NUMBER = new ValueType<>() {
        @Override
        public Integer fromYaml(JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.isTextual()) {
                return fromText(node.textValue());
            }
            throw new IllegalArgumentException("expected a number, got " + describe(node));
        }

        @Override
        public Integer fromText(String text) {
            try {
                return Integer.parseInt(text.trim());
            }
            catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(format("expected a number, got \"%s\"", text), notANumber);
            }
        }
    };

    /** A list; a single text value is split on whitespace, as the original did for list-valued variables. */
    static final ValueType<List<String>> TEXT_LIST = new ValueType<>() {
        @Override
        public List<String> fromYaml(JsonNode node) {
            if (node.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode element : node) {
                    values.add(TEXT.fromYaml(element));
                }
                return List.copyOf(values);
            }
            if (node.isTextual()) {
                return fromText(node.textValue());
            }
            throw new IllegalArgumentException("expected a list, got " + describe(node));
        }

        @Override
        public List<String> fromText(String text) {
            String trimmed = text.trim();
            return trimmed.isEmpty() ? List.of() : List.copyOf(Arrays.asList(trimmed.split("\\s+")));
        }
    };

    /** resolver.domains: a map of domain suffix to name servers. Config file only, like the original. */
    static final ValueType<Map<String, List<String>>> DOMAIN_SERVERS = new ValueType<>() {
        @Override
        public Map<String, List<String>> fromYaml(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a map of domain to name servers, got " + describe(node));
            }
            Map<String, List<String>> servers = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                servers.put(field.getKey(), TEXT_LIST.fromYaml(field.getValue()));
            }
            return Map.copyOf(servers);
        }

        @Override
        public Map<String, List<String>> fromText(String text) {
            throw new IllegalArgumentException("can only be set in the config file");
        }
    };

    private ValueTypes() {}

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a section";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "\"" + node.textValue() + "\"";
        }
        return node.asText();
    }
}
