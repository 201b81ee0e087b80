package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.hash.VanillaGlobalMutableState;
import net.openhft.chronicle.values.ValueModel;
import net.openhft.chronicle.values.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class Chronicle would otherwise generate and compile with javac at every server start ships precompiled in
 * this module (src/main/java/net/openhft/chronicle/hash), is still what Chronicle would generate, and is used.
 */
class PrecompiledChronicleClassTest {
    private static final String SIMPLE_NAME = "VanillaGlobalMutableState" + ValueModel.$$NATIVE;
    private static final Path COMMITTED_SOURCE =
            Path.of("src", "main", "java", "net", "openhft", "chronicle", "hash", SIMPLE_NAME + ".java");
    /** The heart of javac; JavacTool alone is loaded by Chronicle's compiler utilities even when nothing compiles. */
    private static final String JAVAC_COMPILER_CLASS = "com.sun.tools.javac.main.JavaCompiler ";

    @TempDir
    Path directory;

    @Test
    void theCommittedSourceIsWhatTheChronicleOnTheClasspathGenerates() throws Exception {
        String generated = chronicleGeneratedSource();
        String committed = Files.readString(COMMITTED_SOURCE);
        String committedCode = committed.substring(committed.indexOf("\npackage ") + 1);

        if (!committedCode.equals(generated)) {
            Path current = Files.writeString(Path.of("target", SIMPLE_NAME + ".java"), generated);
            assertThat(committedCode)
                    .as("Chronicle now generates another %s; replace the code (not the comment) in %s with %s",
                            SIMPLE_NAME, COMMITTED_SOURCE, current.toAbsolutePath())
                    .isEqualTo(generated);
        }
    }

    @Test
    void chronicleLoadsTheShippedClassInsteadOfCompilingOne() {
        Class<?> implementation = Values.nativeClassFor(VanillaGlobalMutableState.class);

        assertThat(implementation.getName()).isEqualTo(VanillaGlobalMutableState.class.getPackageName() + "."
                + SIMPLE_NAME);
        // A class Chronicle compiles is defined without a code source; the shipped one comes from this module.
        assertThat(implementation.getProtectionDomain().getCodeSource()).isNotNull();
        assertThat(implementation.getProtectionDomain().getCodeSource().getLocation())
                .isEqualTo(EmbeddedStore.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void creatingAndRecoveringAStoreRunsNoJavaCompiler() throws Exception {
        Path classLog = directory.resolve("class-load.log");
        Process child = ChildJvm.start(OpenTwiceMain.class, List.of("-Xlog:class+load=info:file=" + classLog),
                directory.resolve("child.out"), directory.resolve("child.err"), directory.resolve("store").toString());

        assertThat(child.waitFor()).as("exit code of a child JVM opening a store; its stderr: %s",
                directory.resolve("child.err")).isZero();
        List<String> loaded = Files.readAllLines(classLog);
        // A compiled class is logged with "source: __JVM_DefineClass__", the shipped one with its file.
        assertThat(linesContaining(loaded, SIMPLE_NAME + " source: ")).singleElement().asString()
                .contains("source: file:");
        assertThat(linesContaining(loaded, JAVAC_COMPILER_CLASS)).isEmpty();
    }

    private static List<String> linesContaining(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    /** What Chronicle's code generator makes of the interface today (Generators is package-private). */
    private static String chronicleGeneratedSource() throws ReflectiveOperationException {
        Method generate = Class.forName("net.openhft.chronicle.values.Generators")
                .getDeclaredMethod("generateNativeClass", ValueModel.class, String.class);
        generate.setAccessible(true);
        return (String) generate.invoke(null, ValueModel.acquire(VanillaGlobalMutableState.class), SIMPLE_NAME);
    }
}
