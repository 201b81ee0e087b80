package dev.knot.app.backup;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.User;
import java.util.List;

/** A user as a backup line ("kind": "user"); the password hash and the encrypted service password as stored. */
record UserLine(
        String id,
        String username,
        String email,
        String passwordHash,
        String servicePassword,
        String sshPublicKey,
        String githubUsername,
        List<String> roles,
        List<String> groups,
        boolean active,
        int maxSpaces,
        int maxDiskSpace,
        String preferredShell,
        String timezone,
        String lastLoginAt,
        String createdAt,
        String updatedAt) implements RecordLine {
    static UserLine of(User user) {
        return new UserLine(user.id().value(), user.username(), user.email(), user.passwordHash().encoded(),
                user.servicePassword().ciphertext(), user.sshPublicKey(), user.githubUsername(),
                LineValues.roleIds(user.roles()), LineValues.idTexts(user.groups()), user.active(), user.maxSpaces(),
                user.maxDiskSpace(), user.preferredShell().value(), user.timezone(),
                LineValues.nullableText(user.lastLoginAt()), LineValues.text(user.createdAt()),
                LineValues.text(user.updatedAt()));
    }

    @Override
    public User toModel() {
        return new User(LineValues.id("id", id), username, email,
                new PasswordHash(LineValues.required("password_hash", passwordHash)),
                new EncryptedValue(LineValues.required("service_password", servicePassword)), sshPublicKey,
                githubUsername, LineValues.roles("roles", roles), LineValues.ids("groups", groups), active, maxSpaces,
                maxDiskSpace, LineValues.shell("preferred_shell", preferredShell), timezone,
                LineValues.nullableInstant("last_login_at", lastLoginAt), LineValues.instant("created_at", createdAt),
                LineValues.instant("updated_at", updatedAt));
    }
}
