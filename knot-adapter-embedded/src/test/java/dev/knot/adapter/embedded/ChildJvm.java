package dev.knot.adapter.embedded;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of this module's tests in another JVM, with this JVM's classpath and Chronicle flags. */
final class ChildJvm {
    private ChildJvm() {}

    static ProcessBuilder of(Class<?> mainClass, Path stdout, Path stderr, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The --add-opens/--add-exports and -Dchronicle.* flags surefire gave this JVM, which Chronicle needs too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
                .forEach(command::add);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
    }

    static Process start(Class<?> mainClass, Path stdout, Path stderr, String... arguments) throws IOException {
        return of(mainClass, stdout, stderr, arguments).start();
    }
}
