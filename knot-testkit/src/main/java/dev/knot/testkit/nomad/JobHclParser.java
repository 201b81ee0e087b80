package dev.knot.testkit.nomad;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's {@code /v1/jobs/parse}: a subset of Nomad's jobspec2 big enough for space templates, giving the
 * {@code api.Job} JSON shape (PascalCase keys, nulls for what the file leaves unset, durations in nanoseconds).
 * Blocks it does not know are carried over with their keys turned to PascalCase. HCL2 functions, variables and
 * expressions are not evaluated; runtime interpolations such as {@code ${NOMAD_PORT_http}} stay literal, as Nomad
 * keeps them for the client to fill in.
 */
final class JobHclParser {
    // hcl4j evaluates "${...}" while parsing (and drops what it cannot resolve); Nomad keeps runtime
    // interpolations literal, so they are hidden from hcl4j and put back afterwards.
    private static final String HIDDEN_INTERPOLATION = "__NOMADSIM_INTERPOLATION__{";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JobHclParser() {
    }

    /** The job; a 400 NomadError worded like Nomad's when the file is not a job. */
    static ObjectNode parse(String hcl, boolean canonicalize, String namespace) {
        if (hcl == null || hcl.isBlank()) {
            throw NomadError.badRequest("Job spec is empty");
        }
        HclSyntaxCheck.check(hcl);
        Map<String, Object> document = parseWithHcl4j(hcl.replace("$${", HIDDEN_INTERPOLATION)
                .replace("${", HIDDEN_INTERPOLATION));
        Map.Entry<String, Map<String, Object>> job = singleJob(document);
        ObjectNode result = JobJson.job(job.getKey(), job.getValue());
        if (canonicalize) {
            JobDefaults.apply(result, namespace);
        }
        return (ObjectNode) restoreInterpolations(result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseWithHcl4j(String hcl) {
        try {
            return new HCLParser().parse(hcl);
        } catch (Exception | StackOverflowError failure) {
            // hcl4j wraps its HCLParserException in a RuntimeException; the innermost message has the position.
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw NomadError.badRequest("Failed to parse job: input.hcl: " + cause.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, Map<String, Object>> singleJob(Map<String, Object> document) {
        for (String key : document.keySet()) {
            if (!key.equals("job") && !key.equals("variable") && !key.equals("locals")) {
                throw unsupported("Unsupported block type", "Blocks of type \"" + key + "\" are not expected here.");
            }
        }
        Object jobs = document.get("job");
        if (!(jobs instanceof Map) || ((Map<String, Object>) jobs).isEmpty()) {
            throw unsupported("Missing job block", "A job block is required.");
        }
        Map<String, Object> labelled = (Map<String, Object>) jobs;
        if (labelled.size() != 1 || !(labelled.values().iterator().next() instanceof Map)) {
            throw unsupported("Duplicate job block", "Only one job is allowed in a file, with one label (its ID).");
        }
        Map.Entry<String, Object> only = labelled.entrySet().iterator().next();
        return Map.entry(only.getKey(), (Map<String, Object>) only.getValue());
    }

    private static NomadError unsupported(String summary, String detail) {
        return NomadError.badRequest("Failed to parse job: input.hcl: " + summary + "; " + detail);
    }

    private static JsonNode restoreInterpolations(JsonNode node) {
        if (node.isTextual()) {
            return JSON.textNode(node.asText().replace(HIDDEN_INTERPOLATION, "${"));
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            node.forEach(element -> copy.add(restoreInterpolations(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.objectNode();
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            node.properties().forEach(field -> fields.put(
                    field.getKey().replace(HIDDEN_INTERPOLATION, "${"), restoreInterpolations(field.getValue())));
            fields.forEach(copy::set);
            return copy;
        }
        return node;
    }

    /** A block that may be written once (a map) or repeated (a list of maps). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof Map) {
            result.add((Map<String, Object>) value);
        } else if (value instanceof List) {
            for (Object element : (List<Object>) value) {
                result.addAll(blocks(element));
            }
        }
        return result;
    }
}
