package dev.knot.domain.space;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.TemplateVarView;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security test 25 through the whole start: a variable value with HCL syntax in it either lands in the submitted
 * job as one string value, leaving the job's structure as benign input makes it, or is refused with nothing
 * submitted. (Space names cannot carry such characters: the name rule refuses them.)
 */
class SpaceInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpaceFixture fixture = new SpaceFixture();

    @ParameterizedTest
    @ValueSource(strings = {
        "say \"hi\"",
        "two\nlines",
        "}",
        "${x}",
        "${{.user.service_password}}",
        "{{ .space.id }}",
        "\"\n  privileged = true\n  volumes = [\"/:/host\"]\n  x = \"",
        "\"}\ntask \"evil\" {\n  driver = \"raw_exec\"\n}\nenv {\"",
    })
    void aHostileVariableValueCannotChangeTheJobsStructure(String hostile) throws Exception {
        JsonNode benign = submittedJob("benign", "hello");
        int submittedBefore = fixture.jobs.submissions().size();

        try {
            JsonNode hostileJob = submittedJob("hostile", hostile);
            assertThat(shape(hostileJob)).isEqualTo(shape(benign));
            assertThat(greeting(hostileJob)).isEqualTo(hostile);
        } catch (KnotException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(refused.getMessage()).doesNotContain(hostile);
            assertThat(fixture.jobs.submissions()).hasSize(submittedBefore);
        }
    }

    private JsonNode submittedJob(String name, String greeting) throws Exception {
        TemplateVarView variable = fixture.domain.templateVarService.listVariables(fixture.admin).get(0);
        fixture.domain.templateVarService.updateVariable(fixture.admin, variable.id(),
                new TemplateVarCommand("greeting", "", greeting, false));
        Space space = fixture.create(fixture.alice, name);
        Space started = fixture.service.startSpace(fixture.alice, space.id());
        return JSON.readTree(fixture.jobs.job(started.nomadNamespace(), started.nomadJobId()).orElseThrow()
                .definition());
    }

    private static String greeting(JsonNode job) {
        return job.findValue("GREETING").asText();
    }

    /** The tree with every string replaced by "", and the job's own name (which holds the space name) dropped. */
    private static JsonNode shape(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode("");
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(shape(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey().startsWith("dev-") ? "dev-*" : field.getKey(), shape(field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
