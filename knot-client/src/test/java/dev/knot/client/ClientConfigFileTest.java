package dev.knot.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigFileTest {
    private static final ServerAddress SERVER = ServerAddress.parse("knot.example.com");

    @TempDir
    Path home;

    @TempDir
    Path working;

    @Test
    void theFileIsTheOptionsElseKnotConfigElseTheHomeDirectorys() {
        ClientEnvironment withVariable = environment(Map.of("KNOT_CONFIG", "from-env.yml"));

        assertThat(ClientConfigFile.locate(Optional.of(Path.of("given.yml")), withVariable).path())
                .isEqualTo(working.resolve("given.yml"));
        assertThat(ClientConfigFile.locate(Optional.empty(), withVariable).path())
                .isEqualTo(working.resolve("from-env.yml"));
        assertThat(ClientConfigFile.locate(Optional.empty(), environment(Map.of())).path())
                .isEqualTo(home.resolve(".knot.yml"));
    }

    @Test
    void theOriginalsKnotYamlIsUsedWhenItIsTheOnlyOne() throws IOException {
        Files.writeString(home.resolve(".knot.yaml"), "client:\n  server: https://old.example.com\n");

        assertThat(ClientConfigFile.locate(Optional.empty(), environment(Map.of())).path())
                .isEqualTo(home.resolve(".knot.yaml"));

        Files.writeString(home.resolve(".knot.yml"), "");
        assertThat(ClientConfigFile.locate(Optional.empty(), environment(Map.of())).path())
                .isEqualTo(home.resolve(".knot.yml"));
    }

    @Test
    void withoutAHomeTheFileMustBeGiven() {
        ClientEnvironment homeless = new ClientEnvironment(Map.of(), working, Optional.empty());

        assertThatThrownBy(() -> ClientConfigFile.locate(Optional.empty(), homeless))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("no home directory");
        assertThat(ClientConfigFile.locate(Optional.of(Path.of("/etc/knot.yml")), homeless).path())
                .isEqualTo(Path.of("/etc/knot.yml"));
    }

    @Test
    void aMissingFileHasNoValues() {
        assertThat(file().read()).isEqualTo(ClientConfigValues.NONE);
    }

    @Test
    void theClientKeysAreRead() throws IOException {
        Files.writeString(home.resolve(".knot.yml"), """
                log:
                  level: debug
                tls_skip_verify: "TRUE"
                client:
                  server: https://knot.example.com
                  token: "0123456789"
                """);

        ClientConfigValues values = file().read();

        assertThat(values.server()).contains("https://knot.example.com");
        assertThat(values.token()).contains("0123456789");
        assertThat(values.tlsSkipVerify()).contains(true);
        assertThat(values.toString()).doesNotContain("0123456789");
    }

    @Test
    void savingCreatesTheFileForItsOwnerOnly() throws IOException {
        file().saveConnection(SERVER, "secret-token");

        Path saved = home.resolve(".knot.yml");
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(saved)).isEqualTo("client:\n  server: https://knot.example.com\n"
                + "  token: secret-token\n");
        assertThat(file().read().token()).contains("secret-token");
        try (var leftovers = Files.list(home)) {
            assertThat(leftovers).containsExactly(saved);
        }
    }

    @Test
    void savingKeepsEveryOtherKeyAndMakesTheFilePrivateAgain() throws IOException {
        Path existing = Files.writeString(home.resolve(".knot.yml"), """
                tls_skip_verify: true
                client:
                  server: https://old.example.com
                  token: old-token
                  extra: kept
                resolver:
                  nameservers:
                    - 192.168.0.2:53
                server:
                  listen: 0.0.0.0:3000
                """);
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        file().saveConnection(SERVER, "1234");

        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(existing)).isEqualTo("""
                tls_skip_verify: true
                client:
                  server: https://knot.example.com
                  token: "1234"
                  extra: kept
                resolver:
                  nameservers:
                  - 192.168.0.2:53
                server:
                  listen: 0.0.0.0:3000
                """);
        assertThat(file().read().token()).contains("1234");
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(working.resolve("dotfiles-knot.yml"), "log:\n  level: warn\n");
        Path link = Files.createSymbolicLink(home.resolve(".knot.yml"), real);

        file().saveConnection(SERVER, "t");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("level: warn", "token: t");
    }

    @Test
    void aFileThatIsNotYamlIsNeitherReadNorOverwrittenAndItsContentIsNotQuoted() throws IOException {
        String broken = "client:\n  token: leaked-secret\n\tserver: [unclosed\n";
        Path existing = Files.writeString(home.resolve(".knot.yml"), broken);

        assertThatThrownBy(() -> file().saveConnection(SERVER, "t"))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith(existing + ": not valid YAML (line ")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("leaked-secret"));
        assertThatThrownBy(() -> file().read()).isInstanceOf(ClientException.class);
        assertThat(Files.readString(existing)).isEqualTo(broken);
    }

    @Test
    void misshapenKeysAreReportedByName() throws IOException {
        Files.writeString(home.resolve(".knot.yml"), "client: just-text\n");
        assertThatThrownBy(() -> file().read()).hasMessageEndingWith("client: expected a section with server and token");
        assertThatThrownBy(() -> file().saveConnection(SERVER, "t")).hasMessageContaining("the file was not changed");

        Files.writeString(home.resolve(".knot.yml"), "tls_skip_verify: maybe\n");
        assertThatThrownBy(() -> file().read()).hasMessageEndingWith("tls_skip_verify: expected true or false, got \"maybe\"");

        Files.writeString(home.resolve(".knot.yml"), "- a list\n");
        assertThatThrownBy(() -> file().read()).hasMessageContaining("at the top level");
    }

    private ClientConfigFile file() {
        return ClientConfigFile.locate(Optional.empty(), environment(Map.of()));
    }

    private ClientEnvironment environment(Map<String, String> variables) {
        return new ClientEnvironment(variables, working, Optional.of(home));
    }
}
