package dev.knot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigEnvironmentTest {
    @Test
    void theHomeDirectoryIsHomeWhenSetAsTheOriginalReadsIt() {
        assertThat(ConfigEnvironment.homeDirectory(Map.of("HOME", "/home/alice"), "/root"))
                .contains(Path.of("/home/alice"));
    }

    @Test
    void withoutHomeItIsTheJvmsUserHome() {
        assertThat(ConfigEnvironment.homeDirectory(Map.of(), "/root")).contains(Path.of("/root"));
        assertThat(ConfigEnvironment.homeDirectory(Map.of("HOME", ""), "/root")).contains(Path.of("/root"));
    }

    @Test
    void withNeitherThereIsNone() {
        assertThat(ConfigEnvironment.homeDirectory(Map.of(), "")).isEmpty();
    }
}
