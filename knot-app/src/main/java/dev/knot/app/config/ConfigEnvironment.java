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
        Map<String, String> variables = System.getenv();
        return new ConfigEnvironment(
                variables,
                Path.of("").toAbsolutePath(),
                homeDirectory(variables, System.getProperty("user.home", "")),
                ConfigEnvironment::localHostName);
    }

    /**
     * {@code $HOME} when set, as the original knot (Go's os.UserHomeDir) and every shell see it, else the JVM's
     * {@code user.home}, which Java takes from the password database and which differs from {@code $HOME} in
     * containers, under sudo and in tests that point HOME elsewhere.
     */
    static Optional<Path> homeDirectory(Map<String, String> variables, String userHome) {
        String home = variables.getOrDefault("HOME", "");
        if (home.isEmpty()) {
            home = userHome;
        }
        return home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home));
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
