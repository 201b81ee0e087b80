package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizedKeysTest {
    @TempDir
    Path home;

    @Test
    void writesTheBlockWithPrivatePermissions() throws IOException {
        AuthorizedKeys keys = new AuthorizedKeys(home,
                userName -> userName.equals("octocat") ? "ssh-rsa GH1\nssh-ed25519 GH2\n" : "");

        keys.update("ssh-ed25519 AAAA first", "octocat");

        assertThat(Files.readString(keys.file())).isEqualTo("""
                # knot-authorized-keys begin
                ssh-ed25519 AAAA first
                ssh-rsa GH1
                ssh-ed25519 GH2
                # knot-authorized-keys end
                """);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void replacesOnlyItsOwnBlockAndIsIdempotent() throws IOException {
        AuthorizedKeys keys = new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS);
        Files.createDirectories(keys.file().getParent());
        Files.writeString(keys.file(), "ssh-rsa USER mine\n");

        keys.update("ssh-ed25519 AAAA first", "");
        keys.update("ssh-ed25519 BBBB second", "");
        String once = Files.readString(keys.file());
        keys.update("ssh-ed25519 BBBB second", "");

        assertThat(Files.readString(keys.file())).isEqualTo(once).isEqualTo("""
                ssh-rsa USER mine
                # knot-authorized-keys begin
                ssh-ed25519 BBBB second
                # knot-authorized-keys end
                """);
    }

    @Test
    void anEmptyKeyRemovesTheBlock() throws IOException {
        AuthorizedKeys keys = new AuthorizedKeys(home, TestConfigs.NO_GITHUB_KEYS);
        Files.createDirectories(keys.file().getParent());
        Files.writeString(keys.file(), "ssh-rsa USER mine\n");
        keys.update("ssh-ed25519 AAAA first", "");

        keys.update("", "");

        assertThat(Files.readString(keys.file())).isEqualTo("ssh-rsa USER mine\n");
    }
}
