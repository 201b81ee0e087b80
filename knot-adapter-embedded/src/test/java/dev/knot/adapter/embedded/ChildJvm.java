package dev.knot.adapter.embedded;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of this module's tests in another JVM, with this JVM's classpath and Chronicle flags. */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Class<?> mainClass, Path stdout, Path stderr, String... arguments) throws IOException {
        return start(mainClass, List.of(), stdout, stderr, arguments);
    }

    /** @param jvmOptions added to the command line before the main class, after the inherited flags */
    static Process start(Class<?> mainClass, List<String> jvmOptions, Path stdout, Path stderr, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The --add-opens/--add-exports and -Dchronicle.* flags surefire gave this JVM, which Chronicle needs too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
                .forEach(command::add);
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
    }
}
