package dev.knot.testkit.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobHclParserTest {
    private static String template() throws IOException {
        try (InputStream input = JobHclParserTest.class.getResourceAsStream("/nomad/space-template.hcl")) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSpaceTemplateGivesNomadsJobFields() throws IOException {
        JsonNode job = JobHclParser.parse(template(), false, "default");

        assertThat(job.path("ID").asText()).isEqualTo("space-4f1c");
        assertThat(job.path("Name").asText()).isEqualTo("space-4f1c");
        assertThat(job.path("Namespace").asText()).isEqualTo("dev");
        assertThat(job.path("Type").asText()).isEqualTo("service");
        assertThat(job.path("Datacenters").get(0).asText()).isEqualTo("dc1");
        assertThat(job.path("Meta").path("space").asText()).isEqualTo("4f1c");
        assertThat(job.has("Region")).isTrue();
        assertThat(job.path("Region").isNull()).as("unset fields are null without Canonicalize").isTrue();

        JsonNode group = job.path("TaskGroups").get(0);
        assertThat(group.path("Name").asText()).isEqualTo("code");
        assertThat(group.path("Count").asInt()).isEqualTo(1);
        JsonNode network = group.path("Networks").get(0);
        assertThat(network.path("DynamicPorts").get(0).path("Label").asText()).isEqualTo("http");
        assertThat(network.path("DynamicPorts").get(0).path("To").asInt()).isEqualTo(3000);
        assertThat(network.path("ReservedPorts").get(0).path("Label").asText()).isEqualTo("ssh");
        assertThat(network.path("ReservedPorts").get(0).path("Value").asInt()).isEqualTo(2222);
        JsonNode volume = group.path("Volumes").path("home");
        assertThat(volume.path("Type").asText()).isEqualTo("csi");
        assertThat(volume.path("Source").asText()).isEqualTo("home-4f1c");
        assertThat(volume.path("AccessMode").asText()).isEqualTo("single-node-writer");
        assertThat(volume.path("AttachmentMode").asText()).isEqualTo("file-system");

        JsonNode ide = group.path("Tasks").get(0);
        assertThat(ide.path("Name").asText()).isEqualTo("ide");
        assertThat(ide.path("Driver").asText()).isEqualTo("docker");
        assertThat(ide.path("Config").path("image").asText()).isEqualTo("paularlott/knot-ubuntu:24.04");
        assertThat(ide.path("Config").path("ports").get(1).asText()).isEqualTo("ssh");
        assertThat(ide.path("Env").path("KNOT_SPACEID").asText()).isEqualTo("4f1c");
        assertThat(ide.path("Env").path("NODE").asText()).as("runtime interpolation stays literal")
                .isEqualTo("${node.unique.name}");
        assertThat(ide.path("Resources").path("CPU").asInt()).isEqualTo(500);
        assertThat(ide.path("Resources").path("MemoryMB").asInt()).isEqualTo(1024);
        assertThat(ide.path("Templates")).hasSize(2);
        assertThat(ide.path("Templates").get(0).path("DestPath").asText()).isEqualTo("local/agent.yml");
        assertThat(ide.path("Templates").get(0).path("EmbeddedTmpl").asText())
                .isEqualTo("port: {{ env \"NOMAD_PORT_http\" }}\nalloc: ${NOMAD_ALLOC_ID}\n");
        assertThat(ide.path("Templates").get(1).path("ChangeMode").asText()).isEqualTo("restart");
        assertThat(ide.path("VolumeMounts").get(0).path("Volume").asText()).isEqualTo("home");
        assertThat(ide.path("VolumeMounts").get(0).path("Destination").asText()).isEqualTo("/home");
        JsonNode service = ide.path("Services").get(0);
        assertThat(service.path("Name").asText()).isEqualTo("knot-4f1c");
        assertThat(service.path("PortLabel").asText()).isEqualTo("http");
        assertThat(service.path("Checks").get(0).path("Interval").asLong()).isEqualTo(10_000_000_000L);

        JsonNode helper = group.path("Tasks").get(1);
        assertThat(helper.path("Driver").asText()).isEqualTo("raw_exec");
        assertThat(helper.path("Config").path("command").asText()).isEqualTo("/bin/sh");
        assertThat(helper.path("Config").path("args").get(1).asText())
                .isEqualTo("echo ${NOMAD_PORT_http} > ${NOMAD_ALLOC_DIR}/port; sleep 60");
        assertThat(helper.path("KillTimeout").asLong()).isEqualTo(20_000_000_000L);
        assertThat(helper.path("Resources").isNull()).isTrue();
    }

    @Test
    void canonicalizeFillsNomadsDefaults() throws IOException {
        JsonNode job = JobHclParser.parse(template().replace("namespace   = \"dev\"", ""), true, "default");

        assertThat(job.path("Namespace").asText()).isEqualTo("default");
        assertThat(job.path("Region").asText()).isEqualTo("global");
        assertThat(job.path("Priority").asInt()).isEqualTo(50);
        JsonNode helper = job.path("TaskGroups").get(0).path("Tasks").get(1);
        assertThat(helper.path("Resources").path("CPU").asInt()).isEqualTo(100);
        assertThat(helper.path("Resources").path("MemoryMB").asInt()).isEqualTo(300);
    }

    @Test
    void truncatedHclIsABadRequest() throws IOException {
        String truncated = template().substring(0, template().indexOf("task \"helper\""));

        assertThatThrownBy(() -> JobHclParser.parse(truncated, false, "default"))
                .isInstanceOfSatisfying(NomadError.class, error -> assertThat(error.status()).isEqualTo(400))
                .hasMessageStartingWith("Failed to parse job: input.hcl:")
                .hasMessageContaining("Unclosed configuration block");
    }

    @Test
    void aMissingValueAnExtraBraceAndAnOpenStringAreBadRequests() {
        assertThatThrownBy(() -> JobHclParser.parse("job \"x\" {\n  group \"g\" {\n    count =\n  }\n}\n", false,
                "default")).hasMessageStartingWith("Failed to parse job: input.hcl:3,")
                .hasMessageContaining("expression");
        assertThatThrownBy(() -> JobHclParser.parse("job \"x\" {\n}\n}\n", false, "default"))
                .hasMessageStartingWith("Failed to parse job: input.hcl:3,1-2: Argument or block definition required");
        assertThatThrownBy(() -> JobHclParser.parse("job \"x\" {\n  type = \"service\n}\n", false, "default"))
                .hasMessageContaining("Unterminated template string");
    }

    @Test
    void aFileWithoutAJobOrEmptyIsRejected() {
        assertThatThrownBy(() -> JobHclParser.parse("group \"g\" {\n}\n", false, "default"))
                .hasMessageStartingWith("Failed to parse job:");
        assertThatThrownBy(() -> JobHclParser.parse("  ", false, "default")).hasMessage("Job spec is empty");
    }
}
