package dev.knot.app.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one kind of configuration value is read from YAML and from an environment variable. Both methods throw
 * {@link IllegalArgumentException} with a message fit for the operator (e.g. {@code expected a number, got "abc"}).
 */
interface ValueType<T> {
    T fromYaml(JsonNode node);

    T fromText(String text);
}
