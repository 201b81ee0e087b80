package dev.knot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.app.config.ConfigEnvironment;
import dev.knot.app.config.ConfigLoader;
import dev.knot.app.config.KnotConfig;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyTest {
    @TempDir
    Path directory;

    @Test
    void aConfiguredKeyIsUsedAsItIs() {
        KnotConfig config = load("server:\n  encrypt: \"0123456789abcdefghijABCDEFGHIJ01\"\n");

        assertThat(ServerKey.resolve(config.server().encrypt(), config.server().storage()))
                .isEqualTo("0123456789abcdefghijABCDEFGHIJ01");
        assertThat(directory.resolve("knot-data").resolve(ServerKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void anEmbeddedServerWithoutAKeyGeneratesOneOnlyItsOwnerCanReadAndKeepsIt() throws Exception {
        KnotConfig config = load("server:\n  listen: 127.0.0.1:3000\n");

        String first = ServerKey.resolve(config.server().encrypt(), config.server().storage());
        String second = ServerKey.resolve(config.server().encrypt(), config.server().storage());

        Path keyFile = config.server().storage().embedded().directory().resolve(ServerKey.KEY_FILE);
        assertThat(first).matches("[A-Za-z0-9]{32}").isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheServerInsteadOfEncryptingUnderAnotherKey() throws Exception {
        KnotConfig config = load("server:\n  listen: 127.0.0.1:3000\n");
        Path keyFile = config.server().storage().embedded().directory().resolve(ServerKey.KEY_FILE);
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "short\n");

        assertThatThrownBy(() -> ServerKey.resolve(config.server().encrypt(), config.server().storage()))
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(error.getMessage()).contains("damaged").doesNotContain("short");
                });
        assertThat(Files.readString(keyFile)).isEqualTo("short\n");
    }

    @Test
    void serversSharingADatabaseMustBeGivenTheKey() {
        KnotConfig config = load("server:\n  mysql:\n    enabled: true\n");

        assertThatThrownBy(() -> ServerKey.resolve(config.server().encrypt(), config.server().storage()))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.getMessage()).contains("server.encrypt is required")
                                .contains("knot genkey"));
    }

    private KnotConfig load(String yaml) {
        ConfigEnvironment environment = new ConfigEnvironment(Map.of(), directory, Optional.empty(), () -> "host");
        return new ConfigLoader(environment).fromYaml(yaml);
    }
}
