package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Template variables over the API: the original's shapes, and a protected value that never comes back out. */
class TemplateVarRoutesTest {
    private static final String VARIABLES = "/api/v1/templatevars";
    private static final String CANARY = "canary-templatevar-9d4e";

    private CapturedLog log;
    private ApiServer api;
    private String managerToken;

    @BeforeEach
    void start() {
        log = new CapturedLog();
        api = ApiServer.start();
        User admin = api.world.admin();
        managerToken = api.world.token(api.world.user(admin, "manager", Role.TEMPLATE_MANAGER));
    }

    @AfterEach
    void stop() {
        api.close();
        log.close();
    }

    @Test
    void a_variable_is_created_listed_read_changed_and_deleted() throws Exception {
        HttpResponse<String> created = api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"region\",\"location\":\"eu\",\"value\":\"eu-west-1\",\"protected\":false}").send();
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"templatevar_id\":\"([^\"]+)\".*", "$1");
        assertThat(created.body()).isEqualTo("{\"status\":true,\"templatevar_id\":\"" + id + "\"}");

        HttpResponse<String> list = api.call("GET", VARIABLES).bearer(managerToken).send();
        assertThat(list.body()).isEqualTo("{\"count\":1,\"variables\":[{\"templatevar_id\":\"" + id
                + "\",\"name\":\"region\",\"location\":\"eu\",\"protected\":false}]}");

        HttpResponse<String> read = api.call("GET", VARIABLES + "/" + id).bearer(managerToken).send();
        assertThat(read.body())
                .isEqualTo("{\"name\":\"region\",\"location\":\"eu\",\"value\":\"eu-west-1\",\"protected\":false}");

        HttpResponse<String> changed = api.call("PUT", VARIABLES + "/" + id).bearer(managerToken)
                .json("{\"value\":\"eu-central-1\"}").send();
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(api.call("GET", VARIABLES + "/" + id).bearer(managerToken).send().body())
                .isEqualTo("{\"name\":\"region\",\"location\":\"eu\",\"value\":\"eu-central-1\",\"protected\":false}");

        assertThat(api.call("DELETE", VARIABLES + "/" + id).bearer(managerToken).send().statusCode()).isEqualTo(200);
        assertThat(api.call("GET", VARIABLES + "/" + id).bearer(managerToken).send().statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", VARIABLES + "/" + id).bearer(managerToken).send().statusCode()).isEqualTo(404);
    }

    @Test
    void a_protected_value_appears_in_no_answer_and_no_log_line_and_an_empty_update_keeps_it() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        HttpResponse<String> created = api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"api_key\",\"location\":\"\",\"value\":\"" + CANARY + "\",\"protected\":true}")
                .send();
        responses.add(created);
        String id = created.body().replaceAll(".*\"templatevar_id\":\"([^\"]+)\".*", "$1");
        String variable = VARIABLES + "/" + id;

        responses.add(api.call("GET", VARIABLES).bearer(managerToken).send());
        HttpResponse<String> read = api.call("GET", variable).bearer(managerToken).send();
        responses.add(read);
        responses.add(api.call("PUT", variable).bearer(managerToken)
                .json("{\"name\":\"api_token\",\"location\":\"\",\"value\":\"\",\"protected\":true}").send());
        responses.add(api.call("PUT", variable).bearer(managerToken).json("{\"location\":\"\"}").send());
        responses.add(api.call("GET", variable).bearer(managerToken).send());
        // Refusals that carry the canary: unknown field, bad name, wrong type, malformed JSON, too large.
        responses.add(api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"other\",\"value\":\"" + CANARY + "\",\"protected\":true,\"secret\":true}").send());
        responses.add(api.call("PUT", variable).bearer(managerToken)
                .json("{\"name\":\"9bad\",\"value\":\"" + CANARY + "\",\"protected\":true}").send());
        responses.add(api.call("PUT", variable).bearer(managerToken)
                .json("{\"value\":[\"" + CANARY + "\"],\"protected\":true}").send());
        responses.add(api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"other\",\"value\":\"" + CANARY + "\",\"protected\":tru}").send());
        Optional<HttpResponse<String>> tooLarge = api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"other\",\"value\":\"" + CANARY + "x".repeat(11 * 1024 * 1024) + "\"}")
                .sendOversized();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read.body()).isEqualTo("{\"name\":\"api_key\",\"location\":\"\",\"value\":\"\",\"protected\":true}");
        assertThat(responses).extracting(HttpResponse::statusCode)
                .containsExactly(201, 200, 200, 200, 200, 200, 400, 400, 400, 400);
        tooLarge.ifPresent(refusal -> responses.add(refusal));
        tooLarge.ifPresent(refusal -> assertThat(refusal.statusCode()).isEqualTo(413));
        for (HttpResponse<String> response : responses) {
            assertThat(response.body()).doesNotContain(CANARY);
        }
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(CANARY));
        // The value was kept through both updates, so the absence above is not because it was lost.
        assertThat(api.world.templateVarService.resolveValues("")).containsEntry("api_token", CANARY);
        assertThat(api.world.variables.findById(Id.of(id)).orElseThrow().isProtected()).isTrue();
    }

    @Test
    void a_10_mb_value_is_accepted_and_a_larger_body_is_413() throws Exception {
        String largest = "v".repeat(TemplateVar.MAXIMUM_VALUE_LENGTH);

        HttpResponse<String> accepted = api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"large\",\"value\":\"" + largest + "\"}").send();
        HttpResponse<String> tooLong = api.call("POST", VARIABLES).bearer(managerToken)
                .json("{\"name\":\"longer\",\"value\":\"" + largest + "v\"}").send();

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("value");
        assertThat(api.world.variables.findAll()).extracting(TemplateVar::name).containsExactly("large");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"location\":\"\"}|name",
        "{\"name\":\"x\"}|name",
        "{\"name\":\"9lives\"}|name",
        "{\"name\":\"region\",\"location\":\"" + "l" + "ooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooong\"}|location",
        "{\"name\":\"region\",\"protected\":\"yes\"}|protected",
        "{\"name\":\"region\",\"value\":{}}|value",
        "{\"name\":\"region\",\"templatevar_id\":\"x\"}|templatevar_id"
    })
    void an_invalid_variable_is_a_400_naming_the_field_and_nothing_is_written(String bodyAndField) throws Exception {
        String[] parts = bodyAndField.split("\\|");

        HttpResponse<String> response = api.call("POST", VARIABLES).bearer(managerToken).json(parts[0]).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(parts[1]);
        assertThat(api.world.variables.findAll()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-7000-8000-00000000000A"})
    void a_malformed_id_is_a_404(String id) throws Exception {
        HttpResponse<String> response = api.call("GET", VARIABLES + "/" + id).bearer(managerToken).send();

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
