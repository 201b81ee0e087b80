package dev.knot.testkit.nomad;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nomad's runtime environment of one task (NOMAD_ALLOC_ID, NOMAD_PORT_web, ...) and its interpolation of
 * {@code ${...}} in args and env values. Node attributes have fixed values; what it does not know stays literal,
 * as Nomad leaves it.
 */
final class RuntimeVariables {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern ENV_IN_TEMPLATE = Pattern.compile("\\{\\{\\s*env\\s+\"([^\"]+)\"\\s*}}");

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> nodeAttributes;

    private RuntimeVariables(Map<String, String> nodeAttributes) {
        this.nodeAttributes = nodeAttributes;
    }

    static RuntimeVariables of(Allocation allocation, JsonNode group, JsonNode task, Path taskDirectory) {
        RuntimeVariables result = new RuntimeVariables(Map.of(
                "node.unique.name", NomadSimulator.NODE_NAME,
                "node.unique.id", NomadSimulator.NODE_ID,
                "node.datacenter", NomadSimulator.DATACENTER,
                "node.region", NomadSimulator.REGION,
                "node.class", "",
                "node.pool", "default"));
        Map<String, String> variables = result.variables;
        variables.put("NOMAD_ALLOC_ID", allocation.id);
        variables.put("NOMAD_SHORT_ALLOC_ID", allocation.id.substring(0, 8));
        variables.put("NOMAD_ALLOC_NAME", allocation.name());
        variables.put("NOMAD_ALLOC_INDEX", String.valueOf(allocation.groupIndex));
        variables.put("NOMAD_JOB_ID", allocation.jobId);
        variables.put("NOMAD_JOB_NAME", allocation.job.path("Name").asText(allocation.jobId));
        variables.put("NOMAD_GROUP_NAME", allocation.groupName);
        variables.put("NOMAD_TASK_NAME", task.path("Name").asText());
        variables.put("NOMAD_NAMESPACE", allocation.namespace);
        variables.put("NOMAD_REGION", NomadSimulator.REGION);
        variables.put("NOMAD_DC", NomadSimulator.DATACENTER);
        variables.put("NOMAD_ALLOC_DIR", allocation.directory.resolve("alloc").toString());
        variables.put("NOMAD_TASK_DIR", taskDirectory.resolve("local").toString());
        variables.put("NOMAD_SECRETS_DIR", taskDirectory.resolve("secrets").toString());
        variables.put("NOMAD_CPU_LIMIT", task.path("Resources").path("CPU").asText("100"));
        variables.put("NOMAD_MEMORY_LIMIT", task.path("Resources").path("MemoryMB").asText("300"));
        for (JsonNode network : group.path("Networks")) {
            for (String kind : new String[] {"ReservedPorts", "DynamicPorts"}) {
                for (JsonNode port : network.path(kind)) {
                    String label = port.path("Label").asText();
                    int hostPort = allocation.hostPorts.get(label);
                    // As in Nomad: with "to" set, NOMAD_PORT_ is the port inside the task, the host's is apart.
                    int taskPort = port.path("To").asInt(0) > 0 ? port.path("To").asInt() : hostPort;
                    variables.put("NOMAD_PORT_" + label, String.valueOf(taskPort));
                    variables.put("NOMAD_IP_" + label, "127.0.0.1");
                    variables.put("NOMAD_ADDR_" + label, "127.0.0.1:" + taskPort);
                    variables.put("NOMAD_ALLOC_PORT_" + label, String.valueOf(taskPort));
                    variables.put("NOMAD_HOST_PORT_" + label, String.valueOf(hostPort));
                    variables.put("NOMAD_HOST_IP_" + label, "127.0.0.1");
                    variables.put("NOMAD_HOST_ADDR_" + label, "127.0.0.1:" + hostPort);
                }
            }
        }
        allocation.job.path("Meta").properties().forEach(meta -> variables.put(
                "NOMAD_META_" + meta.getKey().toUpperCase(Locale.ROOT), meta.getValue().asText()));
        group.path("Meta").properties().forEach(meta -> variables.put(
                "NOMAD_META_" + meta.getKey().toUpperCase(Locale.ROOT), meta.getValue().asText()));
        return result;
    }

    Map<String, String> asMap() {
        return variables;
    }

    /** Replaces ${NOMAD_...}, ${node.*}, ${env["X"]} and ${meta.X}; anything else is kept as written. */
    String interpolate(String text, Map<String, String> environment) {
        Matcher matcher = INTERPOLATION.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value = lookup(name, environment);
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The consul-template subset the simulator renders: {{ env "NAME" }}; other actions stay literal. */
    String renderTemplate(String template, Map<String, String> environment) {
        Matcher matcher = ENV_IN_TEMPLATE.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String lookup(String name, Map<String, String> environment) {
        if (nodeAttributes.containsKey(name)) {
            return nodeAttributes.get(name);
        }
        if (name.startsWith("env[\"") && name.endsWith("\"]")) {
            return environment.get(name.substring(5, name.length() - 2));
        }
        if (name.startsWith("meta.")) {
            return variables.get("NOMAD_META_" + name.substring(5).toUpperCase(Locale.ROOT));
        }
        return environment.get(name);
    }
}
