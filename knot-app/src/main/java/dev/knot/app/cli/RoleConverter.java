package dev.knot.app.cli;

import dev.knot.ports.model.Role;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a role as an operator would write it: its name as the web UI shows it ("Template Manager", any case,
 * hyphens for spaces allowed) or its id as the original stores it.
 */
final class RoleConverter implements ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
        String wanted = normalized(value);
        return Arrays.stream(Role.values())
                .filter(role -> role.id().equals(value.trim()) || normalized(role.displayName()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new TypeConversionException("unknown role '" + value + "': use one of "
                        + Arrays.stream(Role.values())
                                .map(role -> "\"" + role.displayName() + "\" (" + role.id() + ")")
                                .collect(Collectors.joining(", "))));
    }

    private static String normalized(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ");
    }
}
