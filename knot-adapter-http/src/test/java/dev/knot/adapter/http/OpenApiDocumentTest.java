package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.undertow.util.Methods;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the route table, and is served with a browsable page. */
class OpenApiDocumentTest {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

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
    void the_document_and_the_route_table_name_the_same_operations() throws Exception {
        Set<String> routes = ApiServer.routeTable(new World(), ApiServer.config()).routes().stream()
                .filter(route -> !route.method().equals(Methods.HEAD))
                .map(route -> route.method() + " " + route.pathTemplate())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documentedOperations()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void every_operation_has_responses_and_protected_ones_name_a_security_scheme() throws Exception {
        JsonNode document = document();
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("components").path("securitySchemes").has("bearerAuth")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("cookieAuth")).isTrue();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (OPERATIONS.contains(item.getKey())) {
                    assertThat(item.getValue().path("responses").size()).as(path.getKey()).isPositive();
                    assertThat(item.getValue().path("operationId").asText()).as(path.getKey()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void the_document_is_served_without_credentials() throws Exception {
        HttpResponse<String> response = api.call("GET", "/api-docs/openapi.yaml").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(response.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void the_page_loads_swagger_ui_under_a_policy_without_inline_scripts() throws Exception {
        HttpResponse<String> page = api.call("GET", "/api-docs/").send();
        HttpResponse<String> bundle = api.call("GET", "/api-docs/swagger-ui/swagger-ui-bundle.js").send();
        HttpResponse<String> script = api.call("GET", "/api-docs/init.js").send();
        HttpResponse<String> elsewhere = api.call("GET", "/api/v1/roles").send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui/swagger-ui-bundle.js", "init.js").doesNotContain("<script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(script.body()).contains("openapi.yaml");
        assertThat(elsewhere.headers().firstValue("Content-Security-Policy").orElseThrow())
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void only_the_pages_own_assets_are_served_from_the_webjar() throws Exception {
        for (String file : new String[] {"index.html", "swagger-initializer.js", "..%2F..%2Fpom.properties", "x"}) {
            assertThat(api.call("GET", "/api-docs/swagger-ui/" + file).send().statusCode()).as(file).isEqualTo(404);
        }
    }

    private static Set<String> documentedOperations() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (OPERATIONS.contains(name)) {
                    operations.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(ApiDocsRoutes.DOCUMENT_RESOURCE)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
