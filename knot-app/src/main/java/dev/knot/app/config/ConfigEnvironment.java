package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the loader reads from the process: environment variables, working and home directory, host name. Tests pass
 * their own, so they never depend on the machine they run on.
 */
public record ConfigEnvironment(
        Map<String, String> variables, Path workingDirectory, Optional<Path> homeDirectory, Supplier<String> hostName) {
    public ConfigEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(homeDirectory, "homeDirectory is null");
        requireNonNull(hostName, "hostName is null");
    }

    public static ConfigEnvironment system() {
        String home = System.getProperty("user.home", "");
        return new ConfigEnvironment(
                System.getenv(),
                Path.of("").toAbsolutePath(),
                home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home)),
                ConfigEnvironment::localHostName);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException unknown) {
            return "localhost";
        }
    }
}
