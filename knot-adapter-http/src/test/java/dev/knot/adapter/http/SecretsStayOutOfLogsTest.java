package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canary secrets go through every path the API has and appear in no log line and no error body (case 7). */
class SecretsStayOutOfLogsTest {
    private static final String PASSWORD_CANARY = "canary-password-4711";
    private static final String SERVICE_PASSWORD_CANARY = "canary-service-0815";

    private CapturedLog log;
    private ApiServer api;

    @BeforeEach
    void start() {
        log = new CapturedLog();
        api = ApiServer.start();
    }

    @AfterEach
    void stop() {
        api.close();
        log.close();
    }

    @Test
    void no_password_token_or_session_secret_is_logged_or_echoed() throws Exception {
        List<HttpResponse<String>> errors = new ArrayList<>();
        HttpResponse<String> created = api.call("POST", "/api/v1/users").json(String.format(
                "{\"username\":\"root\",\"email\":\"root@example.com\",\"password\":\"%s\",\"service_password\":\"%s\","
                        + "\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}",
                PASSWORD_CANARY, SERVICE_PASSWORD_CANARY)).send();
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> login = api.call("POST", "/api/v1/auth")
                .json("{\"email\":\"root@example.com\",\"password\":\"" + PASSWORD_CANARY + "\"}").send();
        String session = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> token = api.call("POST", "/api/v1/tokens").bearer(session).json("{\"name\":\"cli\"}").send();
        String apiToken = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        User root = api.world.users.findByEmail("root@example.com").orElseThrow();

        errors.add(api.call("POST", "/api/v1/auth")
                .json("{\"email\":\"root@example.com\",\"password\":\"" + PASSWORD_CANARY + "x\"}").send());
        errors.add(api.call("GET", "/api/v1/ping?token=" + apiToken).send());
        errors.add(api.call("GET", "/api/v1/ping").bearer(apiToken + "x").send());
        errors.add(api.call("GET", "/api/v1/ping").cookie(session + "x").send());
        errors.add(api.call("POST", "/api/v1/tokens").cookie(session).header("Origin", "https://evil.example")
                .json("{\"name\":\"x\"}").send());
        errors.add(api.call("PUT", "/api/v1/users/" + root.id()).bearer(apiToken)
                .json("{\"email\":\"root@example.com\",\"password\":\"" + PASSWORD_CANARY + "\",\"bogus\":1}").send());
        errors.add(api.call("PUT", "/api/v1/users/" + root.id()).bearer(apiToken)
                .json("{\"email\":\"root@example.com\",\"password\":\"short\",\"active\":true,"
                        + "\"roles\":[\"00000000-0000-0000-0000-000000000000\"],"
                        + "\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}").send());
        errors.add(api.call("POST", "/api/v1/auth").json("{\"email\":\"root@example.com\",\"password\":").send());

        List<String> secrets = List.of(PASSWORD_CANARY, SERVICE_PASSWORD_CANARY, session, apiToken);
        for (HttpResponse<String> error : errors) {
            assertThat(error.statusCode()).isBetween(400, 499);
            for (String secret : secrets) {
                assertThat(error.body()).doesNotContain(secret);
            }
        }
        assertThat(log.lines()).isNotEmpty();
        for (String line : log.lines()) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }
}
