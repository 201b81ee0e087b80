package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {
    private final RenderFixture fixture = new RenderFixture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            .space.id               | 0190a5a4-0000-7000-8000-000000000001
            .space.name             | dev-box
            .template.id            | 0190a5a4-0000-7000-8000-000000000002
            .template.name          | ubuntu
            .user.id                | 0190a5a4-0000-7000-8000-000000000003
            .user.username          | alice
            .user.timezone          | Europe/London
            .user.email             | alice@example.com
            .user.service_password  | s3rvice
            .server.url             | https://knot.example.com
            .server.agent_url       | https://knot.example.com
            .server.wildcard_domain | .knot.example.com
            .server.location        | eu
            .nomad.dc               | dc1
            .nomad.region           | global
            .var.image              | ubuntu:24.04
            """)
    void everyDocumentedVariableRenders(String variable, String expected) {
        fixture.withVariable("image", "ubuntu:24.04");

        assertThat(fixture.hcl("x = \"${{ " + variable + " }}\"")).isEqualTo("x = \"" + expected + "\"");
        assertThat(fixture.hcl("x = \"${{" + variable + "}}\"")).isEqualTo("x = \"" + expected + "\"");
        assertThat(fixture.hcl("x = \"${{ $" + variable + " }}\"")).isEqualTo("x = \"" + expected + "\"");
    }

    @Test
    void theServerValuesFollowTheOriginalsRules() {
        RenderContext.ServerValues server = RenderContext.ServerValues.fromSettings(
                "https://knot.example.com", "https://agents.example.com:3010", ".plain.example.com", "");

        assertThat(server.agentUrl()).isEqualTo("https://agents.example.com:3010");
        assertThat(server.wildcardDomain()).isEqualTo(".plain.example.com");
    }

    @Test
    void textWithoutActionsIsUnchanged() {
        String job = "job \"x\" {\n  # a comment with \"quotes\" and ${NOMAD_VAR} and {{ braces }}\n}\n";

        assertThat(fixture.hcl(job)).isEqualTo(job);
    }

    @Test
    void nomadsOwnInterpolationIsLeftAlone() {
        assertThat(fixture.hcl("port = \"${NOMAD_PORT_http}\" dir = \"${NOMAD_ALLOC_DIR}/${{ .space.name }}\""))
                .isEqualTo("port = \"${NOMAD_PORT_http}\" dir = \"${NOMAD_ALLOC_DIR}/dev-box\"");
    }

    @Test
    void ifElseIfElseChoosesTheFirstTrueBranch() {
        String template = "${{ if eq .user.username \"bob\" }}bob${{ else if eq .user.username \"alice\" }}alice"
                + "${{ else }}other${{ end }}";

        assertThat(fixture.hcl(template)).isEqualTo("alice");
        assertThat(fixture.hcl("${{ if eq .user.username \"bob\" }}bob${{ else }}not bob${{ end }}"))
                .isEqualTo("not bob");
        assertThat(fixture.hcl("[${{ if eq .user.username \"bob\" }}bob${{ end }}]")).isEqualTo("[]");
    }

    @Test
    void conditionsUseGosTruth() {
        fixture.withVariable("empty", "").withVariable("full", "x").withVariable("none", List.of());

        assertThat(fixture.hcl("${{ if .var.empty }}t${{ else }}f${{ end }}")).isEqualTo("f");
        assertThat(fixture.hcl("${{ if .var.full }}t${{ else }}f${{ end }}")).isEqualTo("t");
        assertThat(fixture.hcl("${{ if .var.none }}t${{ else }}f${{ end }}")).isEqualTo("f");
        assertThat(fixture.hcl("${{ if 0 }}t${{ else }}f${{ end }}")).isEqualTo("f");
        assertThat(fixture.hcl("${{ if 2 }}t${{ else }}f${{ end }}")).isEqualTo("t");
        assertThat(fixture.hcl("${{ if false }}t${{ else }}f${{ end }}")).isEqualTo("f");
    }

    @Test
    void andOrNotReturnGosValues() {
        fixture.withVariable("empty", "").withVariable("full", "x");

        assertThat(fixture.hcl("\"${{ or .var.empty \"fallback\" }}\"")).isEqualTo("\"fallback\"");
        assertThat(fixture.hcl("\"${{ or .var.full \"fallback\" }}\"")).isEqualTo("\"x\"");
        assertThat(fixture.hcl("\"${{ and .var.full .space.name }}\"")).isEqualTo("\"dev-box\"");
        assertThat(fixture.hcl("\"${{ and .var.empty .space.name }}\"")).isEqualTo("\"\"");
        assertThat(fixture.hcl("${{ not .var.empty }}")).isEqualTo("true");
        assertThat(fixture.hcl("${{ if and (eq .nomad.dc \"dc1\") (not (eq .nomad.region \"x\")) }}yes${{ end }}"))
                .isEqualTo("yes");
        assertThat(fixture.hcl("${{ if or (eq .nomad.dc \"a\") (eq .nomad.dc \"b\") }}yes${{ else }}no${{ end }}"))
                .isEqualTo("no");
    }

    @Test
    void eqMatchesAnyOfItsOtherArgumentsAndNeIsItsOpposite() {
        assertThat(fixture.hcl("${{ eq .user.username \"bob\" \"alice\" }}")).isEqualTo("true");
        assertThat(fixture.hcl("${{ eq .user.username \"bob\" \"carol\" }}")).isEqualTo("false");
        assertThat(fixture.hcl("${{ ne .user.username \"bob\" }}")).isEqualTo("true");
        assertThat(fixture.hcl("${{ eq 1 1.0 }} ${{ eq true true }}")).isEqualTo("true true");
    }

    @Test
    void comparingAStringWithANumberIsAnErrorAsInGo() {
        assertThatThrownBy(() -> fixture.hcl("${{ eq .space.name 3 }}"))
                .isInstanceOf(KnotException.class)
                .hasMessage("job: line 1, column 5: eq cannot compare a string with a number");
    }

    @Test
    void literalsPrintAsGoPrintsThem() {
        assertThat(fixture.hcl("x = \"${{ \"a\\tb\\\"c\\u00e9\" }}\"")).isEqualTo("x = \"a\\tb\\\"cé\"");
        assertThat(fixture.hcl("x = \"${{ `raw \\n` }}\"")).isEqualTo("x = \"raw \\\\n\"");
        assertThat(fixture.hcl("${{ 42 }} ${{ -1.5 }} ${{ true }}")).isEqualTo("42 -1.5 true");
    }

    @Test
    void rangeSetsDotToEachItemAndDollarToTheData() {
        fixture.withVariable("ports", List.of("http", "ssh"));

        String template = "${{ range .var.ports }}port \"${{ . }}\" { to = \"${{ $.space.name }}\" }\n${{ end }}";

        assertThat(fixture.hcl(template))
                .isEqualTo("port \"http\" { to = \"dev-box\" }\nport \"ssh\" { to = \"dev-box\" }\n");
    }

    @Test
    void rangeElseRunsWhenTheListIsEmpty() {
        fixture.withVariable("ports", List.of());

        assertThat(fixture.hcl("${{ range .var.ports }}${{ . }}${{ else }}none${{ end }}")).isEqualTo("none");
    }

    @Test
    void rangeOverAStringIsAnErrorNotASplit() {
        fixture.withVariable("ports", "http,ssh");

        assertThatThrownBy(() -> fixture.hcl("\n${{ range .var.ports }}${{ . }}${{ end }}"))
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith("job: line 2, column 1: range over .var.ports, which is not a list");
    }

    @Test
    void printingAListIsAnError() {
        fixture.withVariable("ports", List.of("a"));

        assertThatThrownBy(() -> fixture.hcl("\"${{ .var.ports }}\""))
                .hasMessage("job: line 1, column 2: .var.ports is a list; use range to insert its items");
    }

    @Test
    void trimMarkersRemoveTheWhitespaceBesideTheAction() {
        String template = "a = [\n  ${{- if true -}}\n  \"x\"\n  ${{- end -}}\n]";

        assertThat(fixture.hcl(template)).isEqualTo("a = [\"x\"]");
        assertThat(fixture.hcl("a  ${{- \"b\" }}  c")).isEqualTo("ab  c");
        assertThat(fixture.hcl("a  ${{ \"b\" -}}  c")).isEqualTo("a  bc");
    }

    @Test
    void aHyphenWithoutASpaceIsANumberNotATrimMarker() {
        assertThat(fixture.hcl("a ${{-3}} b")).isEqualTo("a -3 b");
    }

    @Test
    void commentsProduceNothing() {
        assertThat(fixture.hcl("a ${{/* a note */}} b ${{- /* trimmed */ -}} c")).isEqualTo("a  bc");
    }

    @Test
    void actionsMaySpanLines() {
        assertThat(fixture.hcl("${{ if eq\n  .space.name\n  \"dev-box\" }}yes${{ end }}")).isEqualTo("yes");
    }

    @Test
    void aVariableMissingHereIsFalseInAConditionAndAnErrorWhenPrinted() {
        CompiledTemplate template = new TemplateRenderer().compile("job",
                "${{ if .var.elsewhere }}set${{ else }}unset${{ end }} \"${{ .var.elsewhere }}\"", OutputFormat.HCL,
                Set.of("elsewhere"));
        TemplateRenderer renderer = new TemplateRenderer();

        assertThatThrownBy(() -> renderer.render(template, fixture.context()))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("job: line 1, column 56: .var.elsewhere has no value on this server");
        CompiledTemplate conditionOnly = renderer.compile("job",
                "${{ if .var.elsewhere }}set${{ else }}unset${{ end }} ${{ or .var.elsewhere \"d\" }}",
                OutputFormat.HCL, Set.of("elsewhere"));
        assertThat(renderer.render(conditionOnly, fixture.context())).isEqualTo("unset d");
    }

    @Test
    void aCompiledTemplateNamesTheVariablesItUses() {
        fixture.withVariable("image", "x").withVariable("unused", "y").withVariable("cpu", "1");

        CompiledTemplate template = fixture.compile(
                "${{ if .var.cpu }}${{ .var.image }}${{ end }} ${{ .space.name }}", OutputFormat.HCL);

        assertThat(template.variableNames()).containsExactlyInAnyOrder("image", "cpu");
        assertThat(template.sourceName()).isEqualTo("job");
        assertThat(template.format()).isEqualTo(OutputFormat.HCL);
    }

    @Test
    void aContextNeverShowsSecrets() {
        fixture.withVariable("db_password", "hunter2-canary");

        assertThat(fixture.context().toString()).doesNotContain("hunter2-canary").doesNotContain("s3rvice")
                .contains("db_password");
    }

    @Test
    void aContextRefusesVariablesThatAreNeitherStringsNorStringLists() {
        assertThatThrownBy(() -> fixture.withVariable("count", 3).context())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }
}
