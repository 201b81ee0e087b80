package dev.knot.adapter.embedded;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a {@link User}; roles by name, the shell by its lowercase value. */
final class UserCodec implements RecordCodec<User> {
    @Override
    public void write(User user, RecordWriter writer) {
        writer.id(user.id())
                .string(user.username())
                .string(user.email())
                .string(user.passwordHash().encoded())
                .string(user.servicePassword().ciphertext())
                .string(user.sshPublicKey())
                .string(user.githubUsername())
                .strings(user.roles().stream().map(Role::name).sorted().toList())
                .ids(user.groups())
                .bool(user.active())
                .integer(user.maxSpaces())
                .integer(user.maxDiskSpace())
                .string(user.preferredShell().value())
                .string(user.timezone())
                .optionalInstant(user.lastLoginAt())
                .instant(user.createdAt())
                .instant(user.updatedAt());
    }

    @Override
    public User read(RecordReader reader) {
        return new User(
                reader.id(),
                reader.string(),
                reader.string(),
                new PasswordHash(reader.string()),
                new EncryptedValue(reader.string()),
                reader.string(),
                reader.string(),
                roles(reader),
                reader.ids(),
                reader.bool(),
                reader.integer(),
                reader.integer(),
                ShellValues.parse(reader.string()),
                reader.string(),
                reader.optionalInstant(),
                reader.instant(),
                reader.instant());
    }

    private static Set<Role> roles(RecordReader reader) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(reader.strings().stream().map(Role::valueOf).collect(Collectors.toSet()));
        return roles;
    }
}
