package dev.knot.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.knot.testkit.nomad.NomadSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web server running in a space, reached on the wildcard domain through the real server and the real agent: the
 * Nomad simulator runs the space's three raw_exec tasks (the knot agent, an app that echoes the headers it gets, and
 * the same app over HTTPS with a self-signed certificate standing in for a web VNC server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPortIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String DOMAIN = "knot.test";
    private static final String JOB = """
            job "web" {
              datacenters = ["dc1"]
              type = "service"
              group "space" {
                network {
                  port "agent" {}
                  port "web" {}
                  port "vnc" {}
                }
                task "agent" {
                  driver = "raw_exec"
                  config {
                    command = "JAVA"
                    args = ["-jar", "JAR", "agent"]
                  }
                  env {
                    KNOT_SERVER    = "${{ .server.url }}"
                    KNOT_SPACEID   = "${{ .space.id }}"
                    KNOT_LISTEN    = "127.0.0.1:${NOMAD_PORT_agent}"
                    KNOT_HTTP_PORT = "${NOMAD_PORT_web}=web"
                    KNOT_VNC_HTTP_PORT = "${NOMAD_PORT_vnc}"
                    KNOT_SERVICE_PASSWORD = "${{ .user.service_password }}"
                  }
                }
                task "web" {
                  driver = "raw_exec"
                  config {
                    command = "JAVA"
                    args = ["APP", "${NOMAD_PORT_web}"]
                  }
                }
                task "vnc" {
                  driver = "raw_exec"
                  config {
                    command = "JAVA"
                    args = ["APP", "${NOMAD_PORT_vnc}", "https"]
                  }
                }
              }
            }
            """;

    @TempDir
    static Path root;

    private NomadSimulator nomad;
    private KnotProcess server;
    private int port;
    private KnotApi api;
    private String admin;
    private String adminSession;
    private String mallory;
    private String host;
    private String vncHost;

    @BeforeAll
    void startSpaceWithAnApp() throws IOException {
        nomad = NomadSimulator.start();
        port = KnotProcess.freePort();
        server = KnotProcess.start(KnotProcess.currentJava(), Files.createDirectories(root.resolve("server")), Map.of(
                "KNOT_LISTEN", "127.0.0.1:" + port,
                "KNOT_USE_TLS", "false",
                "KNOT_WILDCARD_DOMAIN", "*." + DOMAIN,
                "KNOT_NOMAD_ADDR", nomad.url()), "server");
        await().atMost(60, SECONDS).until(() -> KnotProcess.healthStatus(port) == 200 || !server.isAlive());
        assertThat(server.isAlive()).as(server.err()).isTrue();
        api = new KnotApi(port);
        assertThat(api.createFirstAdmin("admin", "admin@example.com", PASSWORD).statusCode()).isEqualTo(201);
        adminSession = api.sessionSecret("admin@example.com", PASSWORD);
        admin = api.apiToken(adminSession);
        api.expect(201, "POST", "/api/v1/users", admin,
                Map.of("username", "mallory", "email", "mallory@example.com", "password", PASSWORD));
        mallory = api.apiToken(api.sessionSecret("mallory@example.com", PASSWORD));

        Path app = root.resolve("HeaderEchoApp.java");
        try (InputStream source = WebPortIT.class.getResourceAsStream("HeaderEchoApp.java")) {
            Files.copy(source, app);
        }
        String job = JOB.replace("JAVA", KnotProcess.currentJava().toString())
                .replace("JAR", KnotProcess.JAR.toAbsolutePath().toString())
                .replace("APP", app.toString());
        String templateId = api.expect(201, "POST", "/api/v1/templates", admin, Map.of("name", "web-app",
                "description", "", "job", job, "volumes", "", "groups", List.of())).get("template_id").asText();
        String spaceId = api.expect(201, "POST", "/api/v1/spaces", admin,
                Map.of("name", "web", "template_id", templateId, "shell", "bash")).get("space_id").asText();
        api.expect(200, "POST", "/api/v1/spaces/" + spaceId + "/start", admin, null);
        JsonNode[] state = new JsonNode[1];
        await().atMost(90, SECONDS).until(() -> {
            state[0] = api.expect(200, "GET", "/api/v1/spaces/" + spaceId + "/service-state", admin, null);
            return state[0].get("http_ports").size() == 1 && state[0].get("has_http_vnc").asBoolean();
        });
        String webPort = state[0].get("http_ports").fieldNames().next();
        host = "admin--web--" + webPort + "." + DOMAIN + ":" + port;
        vncHost = "admin--web--vnc." + DOMAIN + ":" + port;
        await().atMost(60, SECONDS).until(() -> appAnswers(host) && appAnswers(vncHost));
    }

    @AfterAll
    void stopEverything() {
        if (server != null) {
            server.close();
        }
        if (nomad != null) {
            nomad.close();
        }
    }

    @Test
    void theOwnersScriptReachesTheAppWhichSeesNoKnotCredential() {
        RawHttp.Response response = RawHttp.get(port, host, "/hello?x=1", Map.of(
                "Authorization", "Bearer " + admin,
                "Cookie", KnotApi.SESSION_COOKIE + "=" + adminSession + "; theme=dark",
                "X-Forwarded-For", "6.6.6.6"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /hello?x=1")
                .doesNotContain(admin, adminSession, KnotApi.SESSION_COOKIE, "6.6.6.6")
                .contains("theme=dark", "X-forwarded-host: " + host.substring(0, host.indexOf(':')));
        assertThat(response.all("set-cookie")).as("a cookie for the parent domain is dropped")
                .anyMatch(cookie -> cookie.startsWith("app=kept"))
                .noneMatch(cookie -> cookie.startsWith("tossed="));
    }

    @Test
    void theOwnerReachesTheWebVncServerWhichGetsTheServiceLoginAndNoKnotCredential() {
        String servicePassword = api.expect(200, "GET", "/api/v1/users/whoami", admin, null).get("service_password")
                .asText();
        String serviceLogin = "Authorization: Basic "
                + Base64.getEncoder().encodeToString(("knot:" + servicePassword).getBytes(StandardCharsets.UTF_8));

        RawHttp.Response response = RawHttp.get(port, vncHost, "/vnc.html?autoconnect=1", Map.of(
                "Authorization", "Bearer " + admin,
                "Cookie", KnotApi.SESSION_COOKIE + "=" + adminSession));

        // The body holds the service password, so it is not put in failure messages.
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /vnc.html?autoconnect=1\n");
        assertThat(servicePassword).isNotEmpty();
        assertThat(response.body().lines().filter(line -> line.startsWith("Authorization:")).toList())
                .withFailMessage("the VNC server did not get exactly one Authorization, the service login")
                .containsExactly(serviceLogin);
        assertThat(response.body().contains(admin) || response.body().contains(adminSession)
                || response.body().contains(KnotApi.SESSION_COOKIE)).as("a knot credential reached the VNC server")
                .isFalse();
    }

    @Test
    void aBrowserIsSentToLogInAndComesBackWithAPassForThatHostOnly() {
        RawHttp.Response first = RawHttp.get(port, host, "/page?y=2", Map.of());
        assertThat(first.status()).isEqualTo(302);
        URI authorize = URI.create(first.header("location").orElseThrow());
        assertThat(authorize.getAuthority()).isEqualTo("127.0.0.1:" + port);
        assertThat(authorize.getPath()).isEqualTo("/proxy/webport/authorize");

        RawHttp.Response granted = RawHttp.get(port, "127.0.0.1:" + port, authorize.getRawPath() + "?"
                + authorize.getRawQuery(), Map.of("Cookie", KnotApi.SESSION_COOKIE + "=" + adminSession));
        assertThat(granted.status()).as(granted.body()).isEqualTo(302);
        URI redeem = URI.create(granted.header("location").orElseThrow());
        assertThat(redeem.getAuthority()).isEqualTo(host);

        RawHttp.Response redeemed = RawHttp.get(port, host, redeem.getRawPath() + "?" + redeem.getRawQuery(), Map.of());
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(302);
        assertThat(redeemed.header("location").orElseThrow()).endsWith("/page?y=2");
        String pass = redeemed.header("set-cookie").orElseThrow().split(";")[0];
        assertThat(redeemed.header("set-cookie").orElseThrow()).contains("HttpOnly").doesNotContainIgnoringCase("domain=");

        RawHttp.Response page = RawHttp.get(port, host, "/page?y=2", Map.of("Cookie", pass));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).startsWith("GET /page?y=2").doesNotContain(pass.substring(pass.indexOf('=') + 1));

        RawHttp.Response replay = RawHttp.get(port, host, redeem.getRawPath() + "?" + redeem.getRawQuery(), Map.of());
        assertThat(replay.status()).as("a code works once").isEqualTo(401);
    }

    @Test
    void nobodyElseGetsIn() {
        assertThat(RawHttp.get(port, host, "/", Map.of("Authorization", "Bearer " + mallory)).status()).isEqualTo(404);
        String malloryAuthorize = "/proxy/webport/authorize?host=" + URLDecoder.decode(host, StandardCharsets.UTF_8)
                + "&next=/";
        assertThat(RawHttp.get(port, "127.0.0.1:" + port, malloryAuthorize,
                Map.of("Authorization", "Bearer " + mallory)).status()).isIn(401, 404);
        assertThat(RawHttp.get(port, host, "/", Map.of("Authorization", "Bearer knot_t_forged")).status())
                .isEqualTo(401);
        assertThat(RawHttp.get(port, "admin--web--1." + DOMAIN + ":" + port, "/",
                Map.of("Authorization", "Bearer " + admin)).status()).as("a port the agent does not serve").isEqualTo(404);
        // A path the app answers with 200 and knot's own origin (where a look-alike host lands) does not serve.
        assertThat(RawHttp.get(port, "admin--web--8080." + DOMAIN + ".evil.test:" + port, "/app",
                Map.of("Authorization", "Bearer " + admin)).status()).as("a look-alike host is not a space host")
                .isNotEqualTo(200);
    }

    private boolean appAnswers(String appHost) {
        return RawHttp.get(port, appHost, "/", Map.of("Authorization", "Bearer " + admin)).status() == 200;
    }
}
