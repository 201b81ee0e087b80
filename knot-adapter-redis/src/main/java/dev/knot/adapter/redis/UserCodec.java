package dev.knot.adapter.redis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import java.util.EnumSet;
import java.util.Set;

/** Roles are stored by the original's role ids; the shell by its lowercase name. */
final class UserCodec implements RecordCodec<User> {
    @Override
    public String noun() {
        return "user";
    }

    @Override
    public ObjectNode write(User user) {
        ObjectNode node = Json.object();
        node.put("user_id", user.id().value());
        node.put("username", user.username());
        node.put("email", user.email());
        node.put("password", user.passwordHash().encoded());
        node.put("service_password", user.servicePassword().ciphertext());
        node.put("ssh_public_key", user.sshPublicKey());
        node.put("github_username", user.githubUsername());
        ArrayNode roles = Json.array();
        user.roles().stream().sorted().map(Role::id).forEach(roles::add);
        node.set("roles", roles);
        node.set("groups", IdArrays.write(user.groups()));
        node.put("active", user.active());
        node.put("max_spaces", user.maxSpaces());
        node.put("max_disk_space", user.maxDiskSpace());
        node.put("preferred_shell", user.preferredShell().value());
        node.put("timezone", user.timezone());
        if (user.lastLoginAt() == null) {
            node.putNull("last_login_at");
        } else {
            node.put("last_login_at", user.lastLoginAt().toString());
        }
        node.put("created_at", user.createdAt().toString());
        node.put("updated_at", user.updatedAt().toString());
        return node;
    }

    @Override
    public User read(StoredObject stored) {
        return new User(
                stored.id("user_id"),
                stored.text("username"),
                stored.text("email"),
                new PasswordHash(stored.text("password")),
                new EncryptedValue(stored.text("service_password")),
                stored.text("ssh_public_key"),
                stored.text("github_username"),
                roles(stored),
                stored.ids("groups"),
                stored.bool("active"),
                stored.integer("max_spaces"),
                stored.integer("max_disk_space"),
                Shells.read(stored, "preferred_shell"),
                stored.text("timezone"),
                stored.instantOrNull("last_login_at"),
                stored.instant("created_at"),
                stored.instant("updated_at"));
    }

    private static Set<Role> roles(StoredObject stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String roleId : stored.texts("roles")) {
            roles.add(Role.fromId(roleId).orElseThrow(() -> stored.unreadable("field roles holds an unknown role id " + roleId)));
        }
        return roles;
    }
}
