package dev.knot.domain.user;

import static dev.knot.domain.access.AccessPolicy.isSelf;
import static dev.knot.domain.access.AccessPolicy.may;
import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static dev.knot.domain.access.AccessPolicy.requireSelfOrPermission;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.crypto.RandomText;
import dev.knot.domain.group.GroupReferences;
import dev.knot.ports.in.CreateUserCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.in.UserStateFilter;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.PasswordHasher;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.SessionStore;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The user rules of knot, with the holes of the original closed (escalation, self-deactivation, setup races). */
public final class UserService implements UserUseCases {
    private static final int SERVICE_PASSWORD_LENGTH = 16;

    private final UserRepository users;
    private final GroupRepository groups;
    private final SpaceRepository spaces;
    private final TokenRepository tokens;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final SecretCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserKeysListener keysListener;

    public UserService(
            UserRepository users,
            GroupRepository groups,
            SpaceRepository spaces,
            TokenRepository tokens,
            SessionStore sessions,
            PasswordHasher hasher,
            SecretCipher cipher,
            IdGenerator ids,
            Clock clock,
            UserKeysListener keysListener) {
        this.users = requireNonNull(users, "users is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.keysListener = requireNonNull(keysListener, "keysListener is null");
    }

    @Override
    public boolean setupRequired() {
        return !users.hasUsers();
    }

    @Override
    public User createFirstAdmin(CreateUserCommand command) {
        if (users.hasUsers()) {
            throw setupClosed();
        }
        User admin = newUser(command, Set.of(Role.ADMIN), true);
        if (!users.createIfNoUsers(admin)) {
            throw setupClosed();
        }
        return admin;
    }

    @Override
    public User createUser(User actor, CreateUserCommand command) {
        requirePermission(actor, Permission.MANAGE_USERS);
        requireMayAssign(actor, Set.of(), command.roles());
        return create(command);
    }

    @Override
    public User createUserAsOperator(CreateUserCommand command) {
        return create(command);
    }

    @Override
    public User getUser(User actor, Id<User> userId) {
        requireSelfOrPermission(actor, userId, Permission.MANAGE_USERS);
        return find(userId);
    }

    @Override
    public List<User> listUsers(User actor, UserStateFilter filter) {
        requirePermission(actor, Permission.MANAGE_USERS);
        return users.findAll().stream()
                .filter(user -> switch (filter) {
                    case ALL -> true;
                    case ACTIVE -> user.active();
                    case INACTIVE -> !user.active();
                })
                .toList();
    }

    @Override
    public User updateUser(User actor, Id<User> userId, UpdateUserCommand command) {
        requireSelfOrPermission(actor, userId, Permission.MANAGE_USERS);
        User current = find(userId);
        requireMayTouch(actor, current);
        boolean manager = may(actor, Permission.MANAGE_USERS);
        boolean self = isSelf(actor, userId);

        Set<Role> roles = current.roles();
        Set<Id<Group>> memberOf = current.groups();
        boolean active = current.active();
        int maxSpaces = current.maxSpaces();
        int maxDiskSpace = current.maxDiskSpace();
        if (manager) {
            if (self && !command.roles().equals(current.roles())) {
                throw KnotException.invalid("roles: you cannot change your own roles");
            }
            if (self && !command.active()) {
                throw KnotException.invalid("active: you cannot deactivate yourself");
            }
            requireMayAssign(actor, current.roles(), command.roles());
            GroupReferences.requireExist(groups, command.groups());
            roles = command.roles();
            memberOf = command.groups();
            active = command.active();
            maxSpaces = command.maxSpaces();
            maxDiskSpace = command.maxDiskSpace();
        }

        Instant now = clock.now();
        PasswordHash passwordHash = command.password().isEmpty()
                ? current.passwordHash()
                : hasher.hash(PasswordRules.check(command.password()));
        EncryptedValue servicePassword = command.servicePassword().isEmpty()
                ? current.servicePassword()
                : cipher.encrypt(command.servicePassword(), userId.value());
        User updated = new User(current.id(), current.username(), command.email(), passwordHash, servicePassword,
                command.sshPublicKey(), command.githubUsername(), roles, memberOf, active, maxSpaces, maxDiskSpace,
                command.preferredShell(), command.timezone(), current.lastLoginAt(), current.createdAt(), now);
        users.update(updated);
        if (!updated.active()) {
            // Tokens need no action: authentication refuses inactive users. Sessions are ended outright.
            sessions.deleteByUser(userId);
        } else if (!updated.sshPublicKey().equals(current.sshPublicKey())
                || !updated.githubUsername().equals(current.githubUsername())) {
            keysListener.keysChanged(updated);
        }
        return updated;
    }

    @Override
    public void deleteUser(User actor, Id<User> userId) {
        if (isSelf(actor, userId)) {
            throw KnotException.invalid("Cannot delete self");
        }
        requirePermission(actor, Permission.MANAGE_USERS);
        User target = find(userId);
        requireMayTouch(actor, target);
        if (!spaces.findByUser(userId).isEmpty()) {
            throw new KnotException(ErrorCode.LOCKED, "the user still has spaces: delete them first");
        }
        sessions.deleteByUser(userId);
        tokens.deleteByUser(userId);
        users.delete(userId);
    }

    @Override
    public void resetPassword(String email, String newPassword) {
        requireNonNull(email, "email is null");
        PasswordRules.check(requireNonNull(newPassword, "newPassword is null"));
        User current = users.findByEmail(email).orElseThrow(() -> KnotException.notFound("no user has that email"));
        users.update(current.withPasswordHash(hasher.hash(newPassword), clock.now()));
        sessions.deleteByUser(current.id());
    }

    @Override
    public String revealServicePassword(User actor, Id<User> userId) {
        User user = getUser(actor, userId);
        return cipher.decrypt(user.servicePassword(), userId.value());
    }

    private User create(CreateUserCommand command) {
        GroupReferences.requireExist(groups, command.groups());
        User user = newUser(command, command.roles(), command.active());
        users.create(user);
        return user;
    }

    private User newUser(CreateUserCommand command, Set<Role> roles, boolean active) {
        PasswordRules.check(command.password());
        Id<User> id = ids.next();
        Instant now = clock.now();
        String servicePassword = command.servicePassword().isEmpty()
                ? RandomText.alphanumeric(SERVICE_PASSWORD_LENGTH)
                : command.servicePassword();
        // Build once with a placeholder hash so every field rule is checked before the (deliberately slow) hash.
        new User(id, command.username(), command.email(), new PasswordHash("unset"), new EncryptedValue(""),
                command.sshPublicKey(), command.githubUsername(), roles, command.groups(), active,
                command.maxSpaces(), command.maxDiskSpace(), command.preferredShell(), command.timezone(), null, now,
                now);
        return new User(id, command.username(), command.email(), hasher.hash(command.password()),
                cipher.encrypt(servicePassword, id.value()), command.sshPublicKey(), command.githubUsername(), roles,
                command.groups(), active, command.maxSpaces(), command.maxDiskSpace(), command.preferredShell(),
                command.timezone(), null, now, now);
    }

    private User find(Id<User> userId) {
        return users.findById(userId).orElseThrow(() -> KnotException.notFound("user not found"));
    }

    /** Only an admin may grant or take away Admin: a user manager cannot make anyone (themself included) an admin. */
    private static void requireMayAssign(User actor, Set<Role> before, Set<Role> after) {
        boolean adminChanges = before.contains(Role.ADMIN) != after.contains(Role.ADMIN);
        if (adminChanges && !actor.isAdmin()) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, "only an admin may grant or remove the Admin role");
        }
    }

    /** An admin's account is changed only by an admin (or themself): otherwise a user manager could take it over. */
    private static void requireMayTouch(User actor, User target) {
        if (target.isAdmin() && !actor.isAdmin() && !isSelf(actor, target.id())) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, "only an admin may change an admin's account");
        }
    }

    private static KnotException setupClosed() {
        return new KnotException(ErrorCode.PERMISSION_DENIED, "setup is complete: the first admin already exists");
    }
}
