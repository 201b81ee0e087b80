package dev.knot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellsTest {
    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void theRequestedShellWinsWhenItExists() throws IOException {
        Path fish = executable(second, "fish");
        executable(first, "bash");

        assertThat(new Shells(first + ":" + second).find("fish")).contains(fish);
    }

    @Test
    void fallsBackToZshThenBashThenSh() throws IOException {
        Path sh = executable(first, "sh");
        Path bash = executable(second, "bash");
        Shells shells = new Shells(first + ":" + second);

        assertThat(shells.find("fish")).contains(bash);
        Files.delete(bash);
        assertThat(shells.find("fish")).contains(sh);
    }

    @Test
    void aFileThatIsNotExecutableIsNoShell() throws IOException {
        Files.createFile(first.resolve("zsh"));

        assertThat(new Shells(first.toString()).find("zsh")).isEmpty();
    }

    private static Path executable(Path directory, String name) throws IOException {
        return Files.createFile(directory.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
