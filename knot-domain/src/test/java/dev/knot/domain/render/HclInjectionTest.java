package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Security test 25: a value holding HCL syntax stays one value. Each check asserts that the output is the
 * template's text with only the value's place changed, and that reading that place back as HCL gives the value.
 */
class HclInjectionTest {
    private static final String BEFORE_STRING = "job \"j\" {\n  meta {\n    owner = \"";
    private static final String AFTER_STRING = "\"\n    other = \"fixed\"\n  }\n}\n";
    private static final String BEFORE_HEREDOC = "template {\n  data = <<EOF\nname=";
    private static final String AFTER_HEREDOC = "\nEOF\n  destination = \"local/env\"\n}\n";

    private final RenderFixture fixture = new RenderFixture();

    static Stream<String> hostileValues() {
        return Stream.of(
                "\"",
                "\\",
                "a\\\"b",
                "line1\nline2",
                "\r\n\t",
                "}",
                "}}",
                "${x}",
                "$${x}",
                "$${{x}}",
                "%{ if true }x%{ endif }",
                "%%{x}",
                "ends with $",
                "ends with %",
                "{{ .space.name }}",
                "${{ .space.name }}",
                "x\"\n  privileged = true\n  volumes = [\"/:/host\"]\n  y = \"",
                "\nEOF\n  privileged = true\n",
                "EOF",
                "  EOF  ",
                "nul\u0000bell\u0007del\u007f",
                "é ü 日本 \uD83D\uDE00");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aValueInAQuotedStringStaysInThatString(String value) {
        fixture.withVariable("owner", value);

        String rendered = fixture.hcl(BEFORE_STRING + "${{ .var.owner }}" + AFTER_STRING);

        assertThat(rendered).startsWith(BEFORE_STRING).endsWith(AFTER_STRING);
        String literal = rendered.substring(BEFORE_STRING.length(), rendered.length() - AFTER_STRING.length());
        assertThat(literal).doesNotContain("\n").doesNotContain("\r");
        assertThat(HclText.unquote(literal)).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aSpaceNameIsEscapedLikeAnyOtherValue(String value) {
        fixture.withSpaceName(value);

        String rendered = fixture.hcl(BEFORE_STRING + "${{ .space.name }}" + AFTER_STRING);

        String literal = rendered.substring(BEFORE_STRING.length(), rendered.length() - AFTER_STRING.length());
        assertThat(HclText.unquote(literal)).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aValueInAHeredocStaysInThatHeredocOrIsRefused(String value) {
        fixture.withVariable("owner", value);
        String template = BEFORE_HEREDOC + "${{ .var.owner }}" + AFTER_HEREDOC;

        if (("name=" + value).lines().anyMatch(line -> line.strip().equals("EOF"))) {
            assertRefused(() -> fixture.hcl(template), "job: line 3, column 6: the value of .var.owner would end"
                    + " the heredoc EOF", value);
            return;
        }
        String rendered = fixture.hcl(template);

        assertThat(rendered).startsWith(BEFORE_HEREDOC).endsWith(AFTER_HEREDOC);
        String body = rendered.substring(BEFORE_HEREDOC.length(), rendered.length() - AFTER_HEREDOC.length());
        assertThat(HclText.undoubleTemplateMarkers(body)).isEqualTo(value);
        assertThat(HclText.hasTemplateMarker(body)).isFalse();
    }

    @Test
    void theTemplatesOwnHeredocTerminatorStillEndsIt() {
        fixture.withVariable("owner", "x");

        assertThat(fixture.hcl("a = <<-EOT\n  ${{ .var.owner }}\n  EOT\nb = \"${{ .var.owner }}\"\n"))
                .isEqualTo("a = <<-EOT\n  x\n  EOT\nb = \"x\"\n");
    }

    @Test
    void aValueOutsideAStringMayOnlyBeANumberBooleanOrName() {
        fixture.withVariable("cpu", "500").withVariable("flag", "true").withVariable("version", "1.2.3-rc+4");

        assertThat(fixture.hcl("cpu = ${{ .var.cpu }}\nprivileged = ${{ .var.flag }}\nv = ${{ .var.version }}\n"))
                .isEqualTo("cpu = 500\nprivileged = true\nv = 1.2.3-rc+4\n");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void anythingButANameOutsideAStringIsRefused(String value) {
        fixture.withVariable("cpu", value);
        String template = "resources {\n  cpu = ${{ .var.cpu }}\n}\n";

        if (value.matches("[A-Za-z0-9_.+-]*")) {
            assertThat(fixture.hcl(template)).isEqualTo("resources {\n  cpu = " + value + "\n}\n");
            return;
        }
        assertRefused(() -> fixture.hcl(template),
                "job: line 2, column 9: the value of .var.cpu lands outside a quoted string or heredoc", value);
    }

    @Test
    void aValueInsideNomadsInterpolationCountsAsOutsideAString() {
        fixture.withVariable("key", "a}\"x");

        assertRefused(() -> fixture.hcl("x = \"${ env(${{ .var.key }}) }\""),
                "job: line 1, column 13: the value of .var.key lands outside a quoted string", "a}\"x");
    }

    @Test
    void aLineBreakCannotEndALineComment() {
        fixture.withVariable("note", "ok");
        assertThat(fixture.hcl("# owner: ${{ .var.note }} \"\nx = 1\n")).isEqualTo("# owner: ok \"\nx = 1\n");

        fixture.withVariable("note", "fine\nprivileged = true");
        assertRefused(() -> fixture.hcl("# owner: ${{ .var.note }}\nx = 1\n"),
                "job: line 1, column 10: the value of .var.note would end the comment", "privileged");
        assertRefused(() -> fixture.hcl("// owner: ${{ .var.note }}\nx = 1\n"),
                "job: line 1, column 11: the value of .var.note would end the comment", "privileged");
    }

    @Test
    void aBlockCommentCannotBeClosedByAValue() {
        fixture.withVariable("note", "a */ privileged = true /* b");

        assertRefused(() -> fixture.hcl("/* ${{ .var.note }} */\nx = 1\n"),
                "job: line 1, column 4: the value of .var.note would end the comment", "privileged");
    }

    @Test
    void aValueEndingInADollarCannotStartAnInterpolationWithTheTemplatesBrace() {
        fixture.withVariable("price", "5$");

        assertRefused(() -> fixture.hcl("x = \"${{ .var.price }}{NOMAD_TASK_DIR}\""),
                "job: line 1, column 6: the value of .var.price would start an interpolation", "5$");
        assertRefused(() -> fixture.hcl("x = \"${{ .var.price }}${NOMAD_TASK_DIR}\""),
                "job: line 1, column 6: the value of .var.price would join the text next to it into one token", "5$");
        assertThat(fixture.hcl("x = \"${{ .var.price }}\"")).isEqualTo("x = \"5$\"");
    }

    @Test
    void aValueRightAfterATemplateDollarOrBackslashIsHeldToTheStrictRule() {
        fixture.withVariable("name", "{x}");
        assertRefused(() -> fixture.hcl("x = \"$${{ .var.name }}\""),
                "job: line 1, column 7: the value of .var.name lands outside a quoted string or heredoc", "{x}");

        fixture.withVariable("name", "\"");
        assertRefused(() -> fixture.hcl("x = \"C:\\${{ .var.name }}\""),
                "job: line 1, column 9: the value of .var.name lands outside a quoted string or heredoc", "\"");

        fixture.withVariable("name", "abc");
        assertThat(fixture.hcl("x = \"$${{ .var.name }}\"")).isEqualTo("x = \"$abc\"");
    }

    @Test
    void aValueCannotNameAHeredoc() {
        fixture.withVariable("marker", "EOF");

        assertRefused(() -> fixture.hcl("x = <<${{ .var.marker }}\nbody\nEOF\n"),
                "job: line 1, column 7: the value of .var.marker would open a heredoc", "never shown");
    }

    @Test
    void valuesInsideConditionalsAndRangesAreEscapedToo() {
        fixture.withVariable("owner", "a\"b").withVariable("tags", java.util.List.of("x\"y", "${z}"));

        String rendered = fixture.hcl("${{ if .var.owner }}o = \"${{ .var.owner }}\"${{ end }}\n"
                + "tags = [${{ range .var.tags }}\"${{ . }}\", ${{ end }}]");

        assertThat(rendered).isEqualTo("o = \"a\\\"b\"\ntags = [\"x\\\"y\", \"$${z}\", ]");
    }

    /** The refusal is INVALID_ARGUMENT, names the place and the variable, and never repeats the value. */
    private static void assertRefused(Runnable render, String messageStart, String value) {
        assertThatThrownBy(render::run)
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(error.getMessage()).startsWith(messageStart);
                    if (value.strip().length() > 3) {
                        assertThat(error.getMessage()).doesNotContain(value.strip());
                    }
                });
    }
}
