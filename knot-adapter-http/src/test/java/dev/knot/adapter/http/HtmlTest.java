package dev.knot.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {
    @Test
    void the_characters_that_end_text_or_an_attribute_are_escaped() {
        assertThat(Html.escape("<script>alert(\"x\" + 'y')</script> & more"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more");
    }

    @Test
    void an_escaped_entity_is_escaped_again_and_other_text_is_left_alone() {
        assertThat(Html.escape("&lt; knot client – laptop ü")).isEqualTo("&amp;lt; knot client – laptop ü");
        assertThat(Html.escape("")).isEmpty();
        assertThat(Html.escape(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app/page?x=1&y=%2F", "/proxy/webport/authorize?host=a--b--80.x&next=%2F", "/a//b"})
    void local_paths_are_kept(String path) {
        assertThat(LocalPaths.orRoot(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil", "/\\evil", "\\\\evil", "evil", "", "/a b",
        "/a\r\nSet-Cookie: x=y", "/\tevil", "javascript:alert(1)"})
    void anything_else_becomes_the_root(String target) {
        assertThat(LocalPaths.isLocal(target)).isFalse();
        assertThat(LocalPaths.orRoot(target)).isEqualTo("/");
    }

    @Test
    void no_target_is_the_root() {
        assertThat(LocalPaths.orRoot(null)).isEqualTo("/");
    }
}
