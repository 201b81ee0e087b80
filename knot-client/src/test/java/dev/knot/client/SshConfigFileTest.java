package dev.knot.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigFileTest {
    private static final String DEV_BLOCK = """
            #===KNOT-START===
            Host knot.dev
              HostName knot.dev
              StrictHostKeyChecking=no
              LogLevel ERROR
              UserKnownHostsFile=/dev/null
              ProxyCommand knot forward ssh dev
            #===KNOT-END===
            """;

    @TempDir
    Path home;

    @Test
    void theBlockHasTheOriginalsEntryPerSpace() {
        assertThat(SshConfigFile.block(List.of("dev"))).isEqualTo(DEV_BLOCK);
        assertThat(SshConfigFile.block(List.of("a", "b-2"))).isEqualTo("""
                #===KNOT-START===
                Host knot.a
                  HostName knot.a
                  StrictHostKeyChecking=no
                  LogLevel ERROR
                  UserKnownHostsFile=/dev/null
                  ProxyCommand knot forward ssh a

                Host knot.b-2
                  HostName knot.b-2
                  StrictHostKeyChecking=no
                  LogLevel ERROR
                  UserKnownHostsFile=/dev/null
                  ProxyCommand knot forward ssh b-2
                #===KNOT-END===
                """);
    }

    @Test
    void aNameThatCouldInjectConfigOrShellIsRefused() {
        for (String name : List.of("dev\n  ProxyCommand evil", "dev;rm -rf ~", "", "-oProxyCommand=x", "a b")) {
            assertThatThrownBy(() -> SshConfigFile.block(List.of(name))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void withNoSshDirectoryItIsCreatedForTheOwnerAndTheFileIsPrivate() throws IOException {
        SshConfigFile config = SshConfigFile.inHome(home);

        assertThat(config.update(List.of("dev"))).isTrue();

        assertThat(Files.getPosixFilePermissions(home.resolve(".ssh"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(config.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(config.path())).isEqualTo(DEV_BLOCK);
    }

    @Test
    void anEarlierBlockIsReplacedWhereItIsAndEveryOtherByteIsKept() throws IOException {
        byte[] before = "Host work\r\n  User m\u00e9\r\n\n".getBytes(ISO_8859_1);
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
        String oldBlock = "#===KNOT-START===\nHost knot.old\n  ProxyCommand knot forward ssh old\n#===KNOT-END===\n";
        byte[] after = "Host *\n  ServerAliveInterval 30".getBytes(ISO_8859_1);
        Path file = write(concat(before, notUtf8, oldBlock.getBytes(ISO_8859_1), after));

        SshConfigFile.inHome(home).update(List.of("dev"));

        assertThat(Files.readAllBytes(file)).isEqualTo(concat(before, notUtf8, DEV_BLOCK.getBytes(ISO_8859_1), after));
    }

    @Test
    void withoutABlockTheNewOneIsAppendedOnALineOfItsOwn() throws IOException {
        Path file = write("Host work\n  User me".getBytes(ISO_8859_1));

        SshConfigFile.inHome(home).update(List.of("dev"));

        assertThat(Files.readString(file)).isEqualTo("Host work\n  User me\n" + DEV_BLOCK);
    }

    @Test
    void removeTakesOutOnlyTheBlockAndAnUpdateWithNoSpacesRemovesIt() throws IOException {
        String rest = "Host a\n  User x\n\nHost b\n";
        Path file = write(("Host a\n  User x\n\n" + DEV_BLOCK + "Host b\n").getBytes(ISO_8859_1));

        assertThat(SshConfigFile.inHome(home).remove()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(rest);
        assertThat(SshConfigFile.inHome(home).remove()).isFalse();

        Files.writeString(file, DEV_BLOCK + rest);
        assertThat(SshConfigFile.inHome(home).update(List.of())).isTrue();
        assertThat(Files.readString(file)).isEqualTo(rest);
    }

    @Test
    void everyBlockIsTakenOutAndTheNewOneTakesTheFirstOnesPlace() {
        String twice = "a\n" + DEV_BLOCK + "b\n" + "  #===KNOT-START===  \nHost knot.x\n#===KNOT-END===\nc\n";

        assertThat(SshConfigFile.withBlock(twice, Optional.of("NEW\n"))).isEqualTo("a\nNEW\nb\nc\n");
    }

    @Test
    void aStartWithoutAnEndIsRefusedAndNothingChanges() throws IOException {
        byte[] content = "Host a\n#===KNOT-START===\nHost knot.x\nHost mine\n".getBytes(ISO_8859_1);
        Path file = write(content);

        assertThatThrownBy(() -> SshConfigFile.inHome(home).update(List.of("dev")))
                .isInstanceOf(ClientException.class)
                .hasMessage(file + ": line 2 starts a knot block (#===KNOT-START===) that no #===KNOT-END=== line"
                        + " ends; nothing was changed: fix the file by hand");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void nothingToDoLeavesAMissingFileMissing() {
        SshConfigFile config = SshConfigFile.inHome(home);

        assertThat(config.remove()).isFalse();
        assertThat(config.update(List.of())).isFalse();
        assertThat(home.resolve(".ssh")).doesNotExist();
    }

    private Path write(byte[] content) throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        return Files.write(ssh.resolve("config"), content);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
