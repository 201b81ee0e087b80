package dev.knot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSearchOrderTest {
    @TempDir
    Path root;

    private Path working;
    private Path home;

    @BeforeEach
    void createDirectories() throws IOException {
        working = Files.createDirectory(root.resolve("working"));
        home = Files.createDirectory(root.resolve("home"));
    }

    @Test
    void noFileAnywhereMeansDefaults() {
        LoadedConfig loaded = loader(Map.of()).load(Optional.empty());

        assertThat(loaded.file()).isEmpty();
        assertThat(loaded.config().server().listen().port()).isEqualTo(3000);
    }

    @Test
    void theFilesAreSearchedInOrder() throws IOException {
        Path homeYaml = write(home.resolve(".knot.yaml"), 3005);
        assertThat(loader(Map.of()).load(Optional.empty()).file()).contains(homeYaml);
        Path homeYml = write(home.resolve(".knot.yml"), 3004);
        assertThat(loader(Map.of()).load(Optional.empty()).file()).contains(homeYml);
        Path dotYaml = write(working.resolve(".knot.yaml"), 3003);
        assertThat(loader(Map.of()).load(Optional.empty()).file()).contains(dotYaml);
        Path dotYml = write(working.resolve(".knot.yml"), 3002);
        assertThat(loader(Map.of()).load(Optional.empty()).file()).contains(dotYml);
        Path knotYml = write(working.resolve("knot.yml"), 3001);

        LoadedConfig loaded = loader(Map.of()).load(Optional.empty());

        assertThat(loaded.file()).contains(knotYml);
        assertThat(loaded.config().server().listen().port()).isEqualTo(3001);
    }

    @Test
    void knotConfigWinsOverTheSearchAndTheOptionWinsOverKnotConfig() throws IOException {
        write(working.resolve("knot.yml"), 3001);
        Path fromVariable = write(root.resolve("from-variable.yml"), 3010);
        Path fromOption = write(root.resolve("from-option.yml"), 3020);
        Map<String, String> environment = Map.of("KNOT_CONFIG", fromVariable.toString());

        assertThat(loader(environment).load(Optional.empty()).config().server().listen().port()).isEqualTo(3010);
        assertThat(loader(environment).load(Optional.of(fromOption)).config().server().listen().port()).isEqualTo(3020);
    }

    @Test
    void aRelativeOptionIsResolvedAgainstTheWorkingDirectory() throws IOException {
        write(working.resolve("custom.yml"), 3030);

        assertThat(loader(Map.of()).load(Optional.of(Path.of("custom.yml"))).config().server().listen().port()).isEqualTo(3030);
    }

    @Test
    void aNamedFileThatDoesNotExistIsAProblem() {
        InvalidConfigException fromOption = catchThrowableOfType(
                InvalidConfigException.class, () -> loader(Map.of()).load(Optional.of(Path.of("missing.yml"))));
        InvalidConfigException fromVariable = catchThrowableOfType(
                InvalidConfigException.class, () -> loader(Map.of("KNOT_CONFIG", "/nowhere/knot.yml")).load(Optional.empty()));

        assertThat(fromOption.problems()).containsExactly(new ConfigProblem("missing.yml", "config file not found (named by --config)"));
        assertThat(fromVariable.problems())
                .containsExactly(new ConfigProblem("/nowhere/knot.yml", "config file not found (named by KNOT_CONFIG)"));
    }

    private ConfigLoader loader(Map<String, String> environment) {
        return new ConfigLoader(TestEnvironments.of(environment, working, home));
    }

    private static Path write(Path file, int port) throws IOException {
        return Files.writeString(file, "server:\n  listen: 127.0.0.1:" + port + "\n");
    }
}
