package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.PasswordHash;
import dev.knot.ports.model.User;
import dev.knot.ports.out.UserRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users in the users table. Username and email are unique case-insensitively through the UNIQUE indexes on their
 * generated lowercase columns, so a clash is decided by the database even between servers, and a rejected
 * write changes nothing.
 */
final class MysqlUserRepository implements UserRepository {
    private static final String SELECT_ALL = """
            SELECT user_id, username, email, password_hash, service_password, ssh_public_key, github_username,
                   roles, `groups`, active, max_spaces, max_disk_space, preferred_shell, timezone,
                   last_login_at, created_at, updated_at
            FROM users""";
    private static final String SELECT_BY_ID = SELECT_ALL + " WHERE user_id = ?";
    private static final String SELECT_BY_USERNAME = SELECT_ALL + " WHERE username_key = LOWER(?)";
    private static final String SELECT_BY_EMAIL = SELECT_ALL + " WHERE email_key = LOWER(?)";
    private static final String INSERT = """
            INSERT INTO users (username, email, password_hash, service_password, ssh_public_key, github_username,
                   roles, `groups`, active, max_spaces, max_disk_space, preferred_shell, timezone,
                   last_login_at, created_at, updated_at, user_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE users SET username = ?, email = ?, password_hash = ?, service_password = ?, ssh_public_key = ?,
                   github_username = ?, roles = ?, `groups` = ?, active = ?, max_spaces = ?, max_disk_space = ?,
                   preferred_shell = ?, timezone = ?, last_login_at = ?, created_at = ?, updated_at = ?
            WHERE user_id = ?""";
    private static final String DELETE = "DELETE FROM users WHERE user_id = ?";
    private static final String HAS_USERS = "SELECT EXISTS (SELECT 1 FROM users)";
    /** Servers racing to make the first user queue on this row; the lock ends with the transaction. */
    private static final String LOCK_FIRST_USER = "SELECT name FROM knot_locks WHERE name = 'first_user' FOR UPDATE";
    /** A locking read: it sees users committed by other servers a moment ago, which a plain read might not. */
    private static final String ANY_USER = "SELECT user_id FROM users LIMIT 1 FOR UPDATE";
    private static final UniqueKeys UNIQUE_KEYS = new UniqueKeys(Map.of(
            UniqueKeys.PRIMARY, "a user with this id already exists",
            "users_username_unique", "a user with this username already exists",
            "users_email_unique", "a user with this email already exists"));

    private final Sql sql;

    @Inject
    MysqlUserRepository(MysqlDatabase database) {
        this.sql = new Sql(database, UNIQUE_KEYS);
    }

    @Override
    public void create(User user) {
        sql.update(INSERT, values(requireNonNull(user, "user is null")));
    }

    @Override
    public boolean createIfNoUsers(User user) {
        Object[] values = values(requireNonNull(user, "user is null"));
        return sql.inTransaction(connection -> {
            connection.query(LOCK_FIRST_USER, rows -> rows.next());
            if (connection.query(ANY_USER, rows -> rows.next())) {
                return false;
            }
            connection.update(INSERT, values);
            return true;
        });
    }

    @Override
    public void update(User user) {
        if (sql.update(UPDATE, values(requireNonNull(user, "user is null"))) == 0) {
            throw KnotException.notFound("there is no user with id " + user.id());
        }
    }

    @Override
    public Optional<User> findById(Id<User> id) {
        return sql.optional(SELECT_BY_ID, MysqlUserRepository::user, requireNonNull(id, "id is null"));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return sql.optional(SELECT_BY_EMAIL, MysqlUserRepository::user, requireNonNull(email, "email is null"));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return sql.optional(SELECT_BY_USERNAME, MysqlUserRepository::user,
                requireNonNull(username, "username is null"));
    }

    @Override
    public List<User> findAll() {
        return sql.list(SELECT_ALL, MysqlUserRepository::user);
    }

    @Override
    public boolean hasUsers() {
        return sql.withConnection(connection -> connection.query(HAS_USERS, rows -> rows.next() && rows.getBoolean(1)));
    }

    @Override
    public boolean delete(Id<User> id) {
        return sql.update(DELETE, requireNonNull(id, "id is null")) > 0;
    }

    /** The user's values in the order of both INSERT and UPDATE, the id last. */
    private static Object[] values(User user) {
        return new Object[] {
            user.username(),
            user.email(),
            user.passwordHash().encoded(),
            user.servicePassword().ciphertext(),
            user.sshPublicKey(),
            user.githubUsername(),
            JsonColumns.rolesToJson(user.roles()),
            JsonColumns.idsToJson(user.groups()),
            user.active(),
            user.maxSpaces(),
            user.maxDiskSpace(),
            user.preferredShell().value(),
            user.timezone(),
            user.lastLoginAt(),
            user.createdAt(),
            user.updatedAt(),
            user.id()
        };
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(
                Columns.id(row, "user_id"),
                row.getString("username"),
                row.getString("email"),
                new PasswordHash(row.getString("password_hash")),
                new EncryptedValue(row.getString("service_password")),
                row.getString("ssh_public_key"),
                row.getString("github_username"),
                JsonColumns.rolesFromJson(row.getString("roles")),
                JsonColumns.idsFromJson(row.getString("groups")),
                row.getBoolean("active"),
                row.getInt("max_spaces"),
                row.getInt("max_disk_space"),
                Columns.shell(row, "preferred_shell"),
                row.getString("timezone"),
                Columns.nullableInstant(row, "last_login_at"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
