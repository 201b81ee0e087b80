package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a template author sees when saving a broken template: the line, the column and the problem. */
class TemplateCompileErrorTest {
    private static final String JOB = """
            job "${{ .space.id }}" {
              datacenters = ["${{ .nomad.dc }}"]
              group "g" {
                task "t" {
            """;

    private final TemplateRenderer renderer = new TemplateRenderer();

    private void assertError(String template, String message) {
        assertThatThrownBy(() -> renderer.compile("job", template, OutputFormat.HCL, Set.of("image", "cpu")))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage(message);
    }

    @Test
    void aMisspeltFieldIsReportedWithItsLine() {
        assertError(JOB + "      image = \"${{ .space.nmae }}\"\n",
                "job: line 5, column 20: unknown variable .space.nmae (.space has .space.id, .space.name)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ${{ .spaces.name }}          | job: line 1, column 5: unknown variable .spaces.name (the variables are .space, .template, .user, .server, .nomad and .var)
            ${{ .space }}                | job: line 1, column 5: unknown variable .space (name one of its fields: .space.id, .space.name)
            ${{ .space.name.first }}     | job: line 1, column 5: unknown variable .space.name.first (.space.name has no fields)
            ${{ .user.password }}        | job: line 1, column 5: unknown variable .user.password (.user has .user.id, .user.username, .user.timezone, .user.email, .user.service_password)
            ${{ .var.memory }}           | job: line 1, column 5: unknown variable .var.memory (no template variable is named memory)
            ${{ .var }}                  | job: line 1, column 5: unknown variable .var (name a template variable, e.g. .var.name)
            ${{ $.nomad.zone }}          | job: line 1, column 5: unknown variable $.nomad.zone (.nomad has .nomad.dc, .nomad.region)
            ${{ . }}                     | job: line 1, column 5: . is all of the template's data, not a value; name a variable such as .space.name
            ${{ $ }}                     | job: line 1, column 5: $ is all of the template's data, not a value; name a variable such as .space.name
            ${{ if eq .server.host "" }}${{ end }} | job: line 1, column 11: unknown variable .server.host (.server has .server.url, .server.agent_url, .server.wildcard_domain, .server.location)
            """)
    void unknownVariablesAreRefused(String template, String message) {
        assertError(template, message);
    }

    @Test
    void insideRangeDotIsTheItemSoDataNeedsDollar() {
        assertError("x\n${{ range .var.image }}${{ .space.name }}${{ end }}",
                "job: line 2, column 28: unknown variable .space.name (inside range, . is the list item; write"
                        + " $.space.name for the data)");
    }

    @Test
    void anUnclosedActionNamesWhereItOpened() {
        assertError(JOB + "      image = \"${{ .var.image \"\n    }\n  }\n}\n",
                "job: line 5, column 16: unclosed ${{: no }} before the end of the template");
        assertError(JOB + "      image = ${{ .var.image\n    }\n  }\n}\n",
                "job: line 5, column 15: unclosed ${{: no }} before the end of the template");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
            a ${{ iff .var.cpu }}${{ end }} => job: line 1, column 7: unknown keyword or function iff
            a ${{ with .var.cpu }}${{ end }} => job: line 1, column 7: with is not supported; templates may use if, else, end, range, eq, ne, and, or, not
            a ${{ .var.cpu | printf "%d" }} => job: line 1, column 16: pipelines (|) are not supported
            a ${{ $x := .var.cpu }} => job: line 1, column 7: variables other than $ are not supported
            a ${{ end }} => job: line 1, column 3: ${{ end }} without a matching if or range
            a ${{ else }} => job: line 1, column 3: ${{ else }} without a matching if or range
            a ${{ if .var.cpu }}b => job: line 1, column 3: missing ${{ end }} for this if
            a ${{ range .var.cpu }}b => job: line 1, column 3: missing ${{ end }} for this range
            a ${{ if .var.cpu }}b${{ else }}c${{ else }}d${{ end }} => job: line 1, column 34: ${{ else }} after ${{ else }}; the if at line 1 needs ${{ end }}
            a ${{ if }}${{ end }} => job: line 1, column 7: if needs a condition
            a ${{ if .var.cpu }}${{ end .var.cpu }} => job: line 1, column 29: unexpected .var.cpu after end
            a ${{ }} => job: line 1, column 3: empty action ${{ }}
            a ${{ .var.cpu .var.image }} => job: line 1, column 16: unexpected .var.image; only functions (eq, ne, and, or, not) take arguments
            a ${{ eq .var.cpu }} => job: line 1, column 7: eq takes at least 2 arguments, got 1
            a ${{ not .var.cpu .var.image }} => job: line 1, column 7: not takes exactly 1 argument, got 2
            a ${{ and (eq .var.cpu "1" }} => job: line 1, column 11: unclosed (
            a ${{ and eq .var.cpu "1" }} => job: line 1, column 11: put eq and its arguments in parentheses
            a ${{ "unterminated }} => job: line 1, column 7: unterminated string
            a ${{ "bad \\q" }} => job: line 1, column 12: unsupported escape \\q
            a ${{ .var.cpu. }} => job: line 1, column 7: bad variable name .var.cpu.
            a ${{ 1x }} => job: line 1, column 7: bad number; only decimal numbers such as 12 and 1.5 are supported
            a ${{ /* never closed }} => job: line 1, column 3: unclosed comment: */ expected
            a ${{ # }} => job: line 1, column 7: unexpected character '#' in ${{ }}
            """)
    void syntaxErrorsAreRefused(String template, String message) {
        assertError(template, message);
    }

    @Test
    void aNestedMissingEndNamesTheInnerBlock() {
        assertError("${{ if .var.cpu }}\n  ${{ range .var.image }}\n${{ end }}",
                "job: line 1, column 1: missing ${{ end }} for this if");
    }

    @Test
    void aValidTemplateCompiles() {
        CompiledTemplate compiled = renderer.compile("job", JOB + "}}}", OutputFormat.HCL, Set.of());

        assertThat(compiled.variableNames()).isEmpty();
    }
}
