package dev.knot.adapter.mysql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sets and maps kept as JSON text in one column each, as the original did. Written sorted, so that the same
 * value is always the same text.
 */
final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, String>>> VOLUME_DATA = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> VOLUME_SIZES = new TypeReference<>() {};
    private static final TypeReference<Map<Integer, String>> PORTS = new TypeReference<>() {};
    private static final String VOLUME_ID = "id";
    private static final String VOLUME_NAMESPACE = "namespace";

    private JsonColumns() {}

    static String idsToJson(Collection<? extends Id<?>> ids) {
        return write(ids.stream().map(Id::value).sorted().toList());
    }

    static <T> Set<Id<T>> idsFromJson(String json) {
        return read(json, STRINGS).stream().map(Id::<T>of).collect(Collectors.toSet());
    }

    /** Roles as the original stored them: their fixed ids. */
    static String rolesToJson(Set<Role> roles) {
        return write(roles.stream().map(Role::id).sorted().toList());
    }

    static Set<Role> rolesFromJson(String json) {
        return read(json, STRINGS).stream()
                .map(id -> Role.fromId(id).orElseThrow(() -> Columns.corrupt("unknown role id " + id)))
                .collect(Collectors.toSet());
    }

    static String volumeDataToJson(Map<String, CsiVolumeRef> volumeData) {
        Map<String, Map<String, String>> plain = new TreeMap<>();
        volumeData.forEach((volume, reference) -> plain.put(volume, volumeReference(reference)));
        return write(plain);
    }

    static Map<String, CsiVolumeRef> volumeDataFromJson(String json) {
        Map<String, CsiVolumeRef> volumeData = new LinkedHashMap<>();
        read(json, VOLUME_DATA).forEach((volume, reference) -> volumeData.put(
                volume, new CsiVolumeRef(reference.get(VOLUME_ID), reference.get(VOLUME_NAMESPACE))));
        return volumeData;
    }

    static String volumeSizesToJson(Map<String, Long> volumeSizes) {
        return write(new TreeMap<>(volumeSizes));
    }

    static Map<String, Long> volumeSizesFromJson(String json) {
        return read(json, VOLUME_SIZES);
    }

    static String portsToJson(Map<Integer, String> ports) {
        return write(new TreeMap<>(ports));
    }

    static Map<Integer, String> portsFromJson(String json) {
        return read(json, PORTS);
    }

    private static Map<String, String> volumeReference(CsiVolumeRef reference) {
        Map<String, String> plain = new TreeMap<>();
        plain.put(VOLUME_ID, reference.id());
        plain.put(VOLUME_NAMESPACE, reference.namespace());
        return plain;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("lists and maps of strings and numbers always serialise", impossible);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw Columns.corrupt("a JSON column holds null");
            }
            return value;
        } catch (JsonProcessingException failure) {
            throw Columns.corrupt("a JSON column does not parse: " + failure.getOriginalMessage());
        }
    }
}
