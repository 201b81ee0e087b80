package dev.knot.testkit.nomad;

import static dev.knot.testkit.nomad.JobHclParser.blocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps hcl4j's nested maps of a job file to Nomad's api.Job JSON, block by block. */
final class JobJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> ACRONYMS = Set.of("id", "cpu", "mb", "ip", "dns", "tls", "url", "ttl", "tcp",
            "udp", "http", "grpc", "cidr");

    private JobJson() {
    }

    static ObjectNode job(String id, Map<String, Object> body) {
        ObjectNode job = JSON.objectNode();
        job.set("Region", text(body, "region"));
        job.set("Namespace", text(body, "namespace"));
        job.put("ID", id);
        job.set("Name", body.containsKey("name") ? text(body, "name") : JSON.textNode(id));
        job.set("Type", text(body, "type"));
        job.set("Priority", number(body, "priority"));
        job.set("AllAtOnce", bool(body, "all_at_once"));
        job.set("Datacenters", strings(body.get("datacenters")));
        job.set("NodePool", text(body, "node_pool"));
        job.set("Constraints", generics(body.get("constraint")));
        job.set("Affinities", generics(body.get("affinity")));
        ArrayNode groups = JSON.arrayNode();
        labelled(body.get("group")).forEach((name, group) -> groups.add(group(name, group)));
        job.set("TaskGroups", groups);
        job.set("Update", generic(body.get("update")));
        job.set("Multiregion", generic(body.get("multiregion")));
        job.set("Spreads", generics(body.get("spread")));
        job.set("Periodic", generic(body.get("periodic")));
        job.set("ParameterizedJob", generic(body.get("parameterized")));
        job.set("Reschedule", generic(body.get("reschedule")));
        job.set("Migrate", generic(body.get("migrate")));
        job.set("Meta", verbatim(body.get("meta")));
        job.set("UI", generic(body.get("ui")));
        for (String serverOwned : List.of("Stop", "ParentID", "Dispatched", "DispatchIdempotencyToken", "Payload",
                "ConsulNamespace", "VaultNamespace", "NomadTokenID", "Status", "StatusDescription", "Stable",
                "Version", "SubmitTime", "CreateIndex", "ModifyIndex", "JobModifyIndex", "VersionTag")) {
            job.putNull(serverOwned);
        }
        carryOver(job, body, Set.of("region", "namespace", "name", "type", "priority", "all_at_once", "datacenters",
                "node_pool", "constraint", "affinity", "group", "update", "multiregion", "spread", "periodic",
                "parameterized", "reschedule", "migrate", "meta", "ui"));
        return job;
    }

    private static ObjectNode group(String name, Map<String, Object> body) {
        ObjectNode group = JSON.objectNode();
        group.put("Name", name);
        group.set("Count", number(body, "count"));
        group.set("Constraints", generics(body.get("constraint")));
        group.set("Affinities", generics(body.get("affinity")));
        ArrayNode tasks = JSON.arrayNode();
        labelled(body.get("task")).forEach((taskName, task) -> tasks.add(task(taskName, task)));
        group.set("Tasks", tasks);
        group.set("Spreads", generics(body.get("spread")));
        group.set("Volumes", volumes(body.get("volume")));
        group.set("RestartPolicy", generic(body.get("restart")));
        group.set("ReschedulePolicy", generic(body.get("reschedule")));
        group.set("EphemeralDisk", generic(body.get("ephemeral_disk")));
        group.set("Update", generic(body.get("update")));
        group.set("Migrate", generic(body.get("migrate")));
        group.set("Networks", networks(body.get("network")));
        group.set("Meta", verbatim(body.get("meta")));
        group.set("Services", services(body.get("service")));
        group.set("ShutdownDelay", duration(body, "shutdown_delay"));
        group.set("Scaling", generic(body.get("scaling")));
        carryOver(group, body, Set.of("count", "constraint", "affinity", "task", "spread", "volume", "restart",
                "reschedule", "ephemeral_disk", "update", "migrate", "network", "meta", "service", "shutdown_delay",
                "scaling"));
        return group;
    }

    private static ObjectNode task(String name, Map<String, Object> body) {
        ObjectNode task = JSON.objectNode();
        task.put("Name", name);
        task.set("Driver", text(body, "driver"));
        task.set("User", text(body, "user"));
        task.set("Lifecycle", generic(body.get("lifecycle")));
        task.set("Config", verbatim(body.get("config")));
        task.set("Constraints", generics(body.get("constraint")));
        task.set("Affinities", generics(body.get("affinity")));
        task.set("Env", verbatim(body.get("env")));
        task.set("Services", services(body.get("service")));
        task.set("Resources", resources(body.get("resources")));
        task.set("RestartPolicy", generic(body.get("restart")));
        task.set("Meta", verbatim(body.get("meta")));
        task.set("KillTimeout", duration(body, "kill_timeout"));
        task.set("LogConfig", generic(body.get("logs")));
        task.set("Artifacts", generics(body.get("artifact")));
        task.set("Vault", generic(body.get("vault")));
        task.set("Templates", templates(body.get("template")));
        task.set("DispatchPayload", generic(body.get("dispatch_payload")));
        task.set("VolumeMounts", volumeMounts(body.get("volume_mount")));
        task.set("Leader", bool(body, "leader"));
        task.set("ShutdownDelay", duration(body, "shutdown_delay"));
        task.set("KillSignal", text(body, "kill_signal"));
        carryOver(task, body, Set.of("driver", "user", "lifecycle", "config", "constraint", "affinity", "env",
                "service", "resources", "restart", "meta", "kill_timeout", "logs", "artifact", "vault", "template",
                "dispatch_payload", "volume_mount", "leader", "shutdown_delay", "kill_signal"));
        return task;
    }

    private static JsonNode resources(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        Map<String, Object> body = blocks.get(0);
        ObjectNode resources = JSON.objectNode();
        resources.set("CPU", number(body, "cpu"));
        resources.set("Cores", number(body, "cores"));
        resources.set("MemoryMB", number(body, "memory"));
        resources.set("MemoryMaxMB", number(body, "memory_max"));
        resources.set("DiskMB", number(body, "disk"));
        resources.putNull("Networks");
        resources.set("Devices", generics(body.get("device")));
        return resources;
    }

    private static JsonNode networks(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode networks = JSON.arrayNode();
        for (Map<String, Object> body : blocks) {
            ObjectNode network = JSON.objectNode();
            network.set("Mode", text(body, "mode"));
            network.putNull("Device");
            network.putNull("CIDR");
            network.putNull("IP");
            network.set("DNS", generic(body.get("dns")));
            ArrayNode reserved = JSON.arrayNode();
            ArrayNode dynamic = JSON.arrayNode();
            labelled(body.get("port")).forEach((label, port) -> {
                ObjectNode json = JSON.objectNode();
                json.put("Label", label);
                boolean isStatic = port.get("static") instanceof Number;
                json.put("Value", isStatic ? ((Number) port.get("static")).intValue() : 0);
                json.put("To", port.get("to") instanceof Number ? ((Number) port.get("to")).intValue() : 0);
                json.put("HostNetwork", port.get("host_network") == null ? "default"
                        : String.valueOf(port.get("host_network")));
                (isStatic ? reserved : dynamic).add(json);
            });
            network.set("ReservedPorts", reserved.isEmpty() ? NullNode.instance : reserved);
            network.set("DynamicPorts", dynamic.isEmpty() ? NullNode.instance : dynamic);
            network.set("Hostname", text(body, "hostname"));
            network.putNull("MBits");
            networks.add(network);
        }
        return networks;
    }

    private static JsonNode volumes(Object value) {
        Map<String, Map<String, Object>> labelled = labelled(value);
        if (labelled.isEmpty()) {
            return NullNode.instance;
        }
        ObjectNode volumes = JSON.objectNode();
        labelled.forEach((name, body) -> {
            ObjectNode volume = JSON.objectNode();
            volume.put("Name", name);
            volume.set("Type", text(body, "type"));
            volume.set("Source", text(body, "source"));
            volume.put("ReadOnly", Boolean.TRUE.equals(body.get("read_only")));
            volume.set("AccessMode", text(body, "access_mode"));
            volume.set("AttachmentMode", text(body, "attachment_mode"));
            volume.set("MountOptions", generic(body.get("mount_options")));
            volume.put("PerAlloc", Boolean.TRUE.equals(body.get("per_alloc")));
            volumes.set(name, volume);
        });
        return volumes;
    }

    private static JsonNode volumeMounts(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode mounts = JSON.arrayNode();
        for (Map<String, Object> body : blocks) {
            ObjectNode mount = JSON.objectNode();
            mount.set("Volume", text(body, "volume"));
            mount.set("Destination", text(body, "destination"));
            mount.put("ReadOnly", Boolean.TRUE.equals(body.get("read_only")));
            mount.set("PropagationMode", text(body, "propagation_mode"));
            mounts.add(mount);
        }
        return mounts;
    }

    private static JsonNode templates(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode templates = JSON.arrayNode();
        for (Map<String, Object> body : blocks) {
            ObjectNode template = JSON.objectNode();
            template.set("SourcePath", text(body, "source"));
            template.set("DestPath", text(body, "destination"));
            template.set("EmbeddedTmpl", text(body, "data"));
            template.set("ChangeMode", text(body, "change_mode"));
            template.set("ChangeSignal", text(body, "change_signal"));
            template.set("Splay", duration(body, "splay"));
            template.set("Perms", text(body, "perms"));
            template.set("LeftDelim", text(body, "left_delimiter"));
            template.set("RightDelim", text(body, "right_delimiter"));
            template.set("Envvars", bool(body, "env"));
            templates.add(template);
        }
        return templates;
    }

    private static JsonNode services(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode services = JSON.arrayNode();
        for (Map<String, Object> body : blocks) {
            ObjectNode service = JSON.objectNode();
            service.set("Name", text(body, "name"));
            service.set("Tags", strings(body.get("tags")));
            service.set("CanaryTags", strings(body.get("canary_tags")));
            service.set("PortLabel", text(body, "port"));
            service.set("AddressMode", text(body, "address_mode"));
            service.set("Provider", text(body, "provider"));
            ArrayNode checks = JSON.arrayNode();
            for (Map<String, Object> check : blocks(body.get("check"))) {
                ObjectNode json = JSON.objectNode();
                json.set("Name", text(check, "name"));
                json.set("Type", text(check, "type"));
                json.set("Path", text(check, "path"));
                json.set("Protocol", text(check, "protocol"));
                json.set("Method", text(check, "method"));
                json.set("PortLabel", text(check, "port"));
                json.set("Command", text(check, "command"));
                json.set("Args", strings(check.get("args")));
                json.set("Interval", duration(check, "interval"));
                json.set("Timeout", duration(check, "timeout"));
                checks.add(json);
            }
            service.set("Checks", checks.isEmpty() ? NullNode.instance : checks);
            service.set("Meta", verbatim(body.get("meta")));
            services.add(service);
        }
        return services;
    }

    /** Labelled blocks ({@code task "a" {...}}) come from hcl4j as a map from label to body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> labelled(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> map : blocks(value)) {
            map.forEach((label, body) -> {
                if (!(body instanceof Map)) {
                    throw NomadError.badRequest("Failed to parse job: input.hcl: Missing name for block; \""
                            + label + "\" must be a labelled block such as task \"name\" { ... }.");
                }
                result.put(label, (Map<String, Object>) body);
            });
        }
        return result;
    }

    private static void carryOver(ObjectNode target, Map<String, Object> body, Set<String> mapped) {
        body.forEach((key, value) -> {
            if (!mapped.contains(key)) {
                target.set(pascal(key), generic(value));
            }
        });
    }

    /** Any value, with map keys turned from HCL's snake_case into Nomad's PascalCase. */
    @SuppressWarnings("unchecked")
    private static JsonNode generic(Object value) {
        if (value instanceof Map) {
            ObjectNode object = JSON.objectNode();
            ((Map<String, Object>) value).forEach((key, element) -> object.set(pascal(key), generic(element)));
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = JSON.arrayNode();
            ((List<Object>) value).forEach(element -> array.add(generic(element)));
            return array;
        }
        return scalar(value);
    }

    private static JsonNode generics(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        if (blocks.isEmpty()) {
            return NullNode.instance;
        }
        ArrayNode array = JSON.arrayNode();
        blocks.forEach(block -> array.add(generic(block)));
        return array;
    }

    /** Config, env and meta keep their keys as written, as Nomad passes them to the driver. */
    @SuppressWarnings("unchecked")
    private static JsonNode verbatim(Object value) {
        if (value instanceof Map) {
            ObjectNode object = JSON.objectNode();
            ((Map<String, Object>) value).forEach((key, element) -> object.set(key, verbatim(element)));
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = JSON.arrayNode();
            ((List<Object>) value).forEach(element -> array.add(verbatim(element)));
            return array;
        }
        return scalar(value);
    }

    private static JsonNode scalar(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            return asDouble == Math.rint(asDouble) && !Double.isInfinite(asDouble)
                    ? JSON.numberNode((long) asDouble) : JSON.numberNode(asDouble);
        }
        if (value instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static JsonNode text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value == null ? NullNode.instance : JSON.textNode(String.valueOf(value));
    }

    private static JsonNode number(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return NullNode.instance;
        }
        if (!(value instanceof Number)) {
            throw NomadError.badRequest("Failed to parse job: input.hcl: Unsuitable value type; Unsuitable value: "
                    + "a number is required for \"" + key + "\".");
        }
        return scalar(value);
    }

    private static JsonNode bool(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value instanceof Boolean flag ? JSON.booleanNode(flag) : NullNode.instance;
    }

    private static JsonNode strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return NullNode.instance;
        }
        ArrayNode array = JSON.arrayNode();
        list.forEach(element -> array.add(String.valueOf(element)));
        return array;
    }

    private static JsonNode duration(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return NullNode.instance;
        }
        try {
            return JSON.numberNode(GoDuration.parse(String.valueOf(value)).toNanos());
        } catch (IllegalArgumentException notADuration) {
            throw NomadError.badRequest("Failed to parse job: input.hcl: Unsuitable value type; \"" + key
                    + "\" is not a duration: time: invalid duration \"" + value + "\"");
        }
    }

    static String pascal(String snake) {
        StringBuilder result = new StringBuilder();
        for (String word : snake.split("_")) {
            if (ACRONYMS.contains(word)) {
                result.append(word.toUpperCase(Locale.ROOT));
            } else if (!word.isEmpty()) {
                result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return result.toString();
    }
}
