package dev.knot.domain.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlRenderTest {
    private static final Pattern YAML_ESCAPE = Pattern.compile("\\\\u([0-9a-f]{4})|\\\\U([0-9a-f]{8})");

    private final RenderFixture fixture = new RenderFixture();

    @Test
    void aTypicalVolumeDefinitionRenders() {
        String volumes = """
                volumes:
                  - id: "home_${{ .space.id }}"
                    name: home-${{ .space.name }}
                    plugin_id: "${{ .var.plugin }}"
                    capacity_min: 10G
                    # for ${{ .user.username }}
                    mount_options:
                      fs_type: 'ext4'
                """;
        fixture.withVariable("plugin", "hostpath");

        assertThat(fixture.yaml(volumes)).isEqualTo("""
                volumes:
                  - id: "home_0190a5a4-0000-7000-8000-000000000001"
                    name: home-dev-box
                    plugin_id: "hostpath"
                    capacity_min: 10G
                    # for alice
                    mount_options:
                      fs_type: 'ext4'
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "back\\slash", "two\nlines", "key: value", "# not a comment", "[a, b]",
            "{a: b}", "it's", "tab\there", "*anchor &ref !tag |", "日本 \uD83D\uDE00"})
    void aValueInADoubleQuotedScalarIsEscapedAndReadsBackUnchanged(String value) {
        fixture.withVariable("secret", value);

        String rendered = fixture.yaml("secrets:\n  token: \"${{ .var.secret }}\"\n");

        assertThat(rendered).startsWith("secrets:\n  token: \"").endsWith("\"\n");
        String inside = rendered.substring("secrets:\n  token: \"".length(), rendered.length() - 2);
        assertThat(inside).matches("[A-Za-z0-9 _./+@=\\\\-]*");
        assertThat(unescape(inside)).isEqualTo(value);
    }

    @Test
    void aSingleQuoteIsDoubledInASingleQuotedScalar() {
        fixture.withVariable("label", "it's mine");

        assertThat(fixture.yaml("label: '${{ .var.label }}'\n")).isEqualTo("label: 'it''s mine'\n");
    }

    @Test
    void aSingleQuotedScalarRefusesWhatItCannotHold() {
        fixture.withVariable("label", "two\nlines");

        assertRefused("label: '${{ .var.label }}'\n",
                "job: line 1, column 9: the value of .var.label lands in a single-quoted YAML scalar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key: value", "a #comment", "two\nlines", "[a]", "\"quoted\"", "it's", "a b"})
    void outsideQuotesOnlyPlainNamesAreAllowed(String value) {
        fixture.withVariable("name", value);

        assertRefused("name: ${{ .var.name }}\n",
                "job: line 1, column 7: the value of .var.name lands outside a quoted YAML scalar");
        assertRefused("# ${{ .var.name }}\n",
                "job: line 1, column 3: the value of .var.name lands outside a quoted YAML scalar");
    }

    @Test
    void anApostropheInsideAPlainScalarDoesNotOpenAQuote() {
        fixture.withVariable("name", "x: y");

        assertRefused("note: it's ${{ .var.name }}\n",
                "job: line 1, column 12: the value of .var.name lands outside a quoted YAML scalar");
    }

    @Test
    void aQuoteInsideABlockScalarLineIsStillSafe() {
        fixture.withVariable("name", "a'b \"c\" #d");

        String rendered = fixture.yaml("script: |\n  \"${{ .var.name }}\n");

        assertThat(rendered).isEqualTo("script: |\n  \"a\\u0027b \\u0022c\\u0022 \\u0023d\n");
    }

    private void assertRefused(String template, String messageStart) {
        assertThatThrownBy(() -> fixture.yaml(template))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith(messageStart);
    }

    private static String unescape(String inside) {
        Matcher escape = YAML_ESCAPE.matcher(inside);
        StringBuilder value = new StringBuilder();
        while (escape.find()) {
            String hex = escape.group(1) != null ? escape.group(1) : escape.group(2);
            escape.appendReplacement(value, Matcher.quoteReplacement(Character.toString(Integer.parseInt(hex, 16))));
        }
        escape.appendTail(value);
        return value.toString();
    }
}
