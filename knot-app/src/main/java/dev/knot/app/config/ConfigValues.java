package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The typed value of every setting, and which ones the operator set (file or environment) rather than defaulted. */
final class ConfigValues {
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> explicitlySet = new HashSet<>();

    <T> void set(Setting<T> setting, T value) {
        values.put(setting.path(), requireNonNull(value, "value is null"));
        explicitlySet.add(setting.path());
    }

    <T> T get(Setting<T> setting) {
        Object value = values.get(setting.path());
        if (value == null) {
            return setting.defaultValue();
        }
        // Only set(setting, T) stores under this path, so the value has the setting's type.
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    boolean isSet(Setting<?> setting) {
        return explicitlySet.contains(setting.path());
    }
}
