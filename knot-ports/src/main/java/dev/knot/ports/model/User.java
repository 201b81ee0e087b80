package dev.knot.ports.model;


import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A person who logs in to knot.
 *
 * @param username unique (case-insensitively), immutable after creation
 * @param email unique (case-insensitively); the login identifier
 * @param servicePassword a password for services inside the user's spaces (VNC, databases); shown to the user,
 *     so it is stored encrypted rather than hashed
 * @param sshPublicKey at most 16 KiB; "" when none
 * @param githubUsername "" when none; agents may fetch the user's keys from GitHub
 * @param maxSpaces 0 = unlimited, else 1..1000
 * @param maxDiskSpace in GB; 0 = unlimited, else up to 1,000,000
 * @param lastLoginAt null until the first login
 */
public record User(
        Id<User> id,
        String username,
        String email,
        PasswordHash passwordHash,
        EncryptedValue servicePassword,
        String sshPublicKey,
        String githubUsername,
        Set<Role> roles,
        Set<Id<Group>> groups,
        boolean active,
        int maxSpaces,
        int maxDiskSpace,
        Shell preferredShell,
        String timezone,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt) {
    public static final int MAXIMUM_SSH_KEY_LENGTH = 16 * 1024;

    public User {
        Checks.notNull("user_id", id);
        Checks.name("username", username);
        Checks.email("email", email);
        Checks.notNull("password", passwordHash);
        Checks.notNull("service_password", servicePassword);
        Checks.length("ssh_public_key", sshPublicKey, 0, MAXIMUM_SSH_KEY_LENGTH);
        Checks.length("github_username", githubUsername, 0, 255);
        roles = Set.copyOf(Checks.notNull("roles", roles));
        groups = Set.copyOf(Checks.notNull("groups", groups));
        Checks.range("max_spaces", maxSpaces, 0, 1000);
        Checks.range("max_disk_space", maxDiskSpace, 0, 1_000_000);
        Checks.notNull("preferred_shell", preferredShell);
        Checks.timezone("timezone", timezone);
        Checks.notNull("created_at", createdAt);
        Checks.notNull("updated_at", updatedAt);
    }

    public boolean hasPermission(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public Optional<Instant> lastLogin() {
        return Optional.ofNullable(lastLoginAt);
    }

    /** Whether the user belongs to at least one of {@code otherGroups} (false when either side is empty). */
    public boolean sharesAnyGroup(Set<Id<Group>> otherGroups) {
        return otherGroups.stream().anyMatch(groups::contains);
    }

    public User withPasswordHash(PasswordHash hash, Instant at) {
        return new User(id, username, email, hash, servicePassword, sshPublicKey, githubUsername, roles, groups,
                active, maxSpaces, maxDiskSpace, preferredShell, timezone, lastLoginAt, createdAt, at);
    }

    public User withGroups(Set<Id<Group>> newGroups, Instant at) {
        return new User(id, username, email, passwordHash, servicePassword, sshPublicKey, githubUsername, roles,
                newGroups, active, maxSpaces, maxDiskSpace, preferredShell, timezone, lastLoginAt, createdAt, at);
    }

    public User withLastLogin(Instant at) {
        return new User(id, username, email, passwordHash, servicePassword, sshPublicKey, githubUsername, roles,
                groups, active, maxSpaces, maxDiskSpace, preferredShell, timezone, at, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        // Never print the hash or the encrypted service password.
        return "User[id=" + id + ", username=" + username + ", roles=" + roles + ", active=" + active + "]";
    }
}
