package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The empty store: creating the first admin is the only thing that works, once (security case 11). */
class FirstRunTest {
    private ApiServer api;

    @BeforeEach
    void start() {
        api = ApiServer.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void before_setup_every_other_route_answers_401() throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/api/v1/users"}, new String[] {"GET", "/api/v1/ping"},
                new String[] {"GET", "/api/v1/users/whoami"}, new String[] {"GET", "/api/v1/groups"},
                new String[] {"POST", "/api/v1/auth/logout"}, new String[] {"GET", "/api/v1/roles"},
                new String[] {"GET", "/api/v1/tokens"}, new String[] {"GET", "/api/v1/sessions"})) {
            HttpResponse<String> response = api.call(call[0], call[1]).send();

            assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
        }
        HttpResponse<String> groups = api.call("POST", "/api/v1/groups").json("{\"name\":\"g\"}").send();
        assertThat(groups.statusCode()).isEqualTo(401);
        assertThat(api.world.groups.findAll()).isEmpty();
    }

    @Test
    void the_first_user_becomes_admin_whatever_roles_the_body_asks_for_and_setup_closes() throws Exception {
        HttpResponse<String> created = api.call("POST", "/api/v1/users").json(firstAdmin("root", "[]")).send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).matches("\\{\"status\":true,\"user_id\":\"[0-9a-f-]{36}\"}");
        User admin = api.world.users.findAll().get(0);
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.active()).isTrue();

        HttpResponse<String> again = api.call("POST", "/api/v1/users").json(firstAdmin("second", "[]")).send();
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(api.world.users.findAll()).hasSize(1);
    }

    @Test
    void an_invalid_first_admin_is_a_400_and_leaves_setup_open() throws Exception {
        HttpResponse<String> invalid = api.call("POST", "/api/v1/users")
                .json("{\"username\":\"root\",\"email\":\"root@example.com\",\"password\":\"short\","
                        + "\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}")
                .send();

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("password");
        assertThat(api.world.users.findAll()).isEmpty();
        assertThat(api.call("POST", "/api/v1/users").json(firstAdmin("root", "[]")).send().statusCode())
                .isEqualTo(201);
    }

    @Test
    void ten_concurrent_first_admin_requests_create_exactly_one_admin() throws Exception {
        int callers = 10;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int index = 0; index < callers; index++) {
                String username = "admin" + (char) ('a' + index);
                Callable<Integer> attempt = () -> {
                    ready.countDown();
                    go.await();
                    return api.call("POST", "/api/v1/users").json(firstAdmin(username, "[]")).send().statusCode();
                };
                statuses.add(pool.submit(attempt));
            }
            ready.await();
            go.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }

            assertThat(results).filteredOn(status -> status == 201).hasSize(1);
            assertThat(results).filteredOn(status -> status != 201).allMatch(status -> status == 401 || status == 403);
            assertThat(api.world.users.findAll()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstAdmin(String username, String roles) {
        return String.format("{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"long enough\","
                + "\"roles\":%s,\"active\":true,\"preferred_shell\":\"bash\",\"timezone\":\"UTC\"}",
                username, username, roles);
    }
}
