package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in the sessions table, for setups without Redis. Every read and delete only sees rows whose expiry is
 * after the clock's now, passed as a parameter (never the server's NOW(), so the clock alone decides); expired
 * rows wait for the database's periodic purge.
 */
final class MysqlSessionStore implements SessionStore {
    static final String DELETE_EXPIRED = "DELETE FROM sessions WHERE expires_at <= ?";
    private static final String SELECT_LIVE = """
            SELECT session_id, secret_hash, user_id, ip, user_agent, created_at, expires_at
            FROM sessions
            WHERE expires_at > ?""";
    private static final String UPDATE = """
            UPDATE sessions SET secret_hash = ?, user_id = ?, ip = ?, user_agent = ?, created_at = ?, expires_at = ?
            WHERE session_id = ?""";
    private static final String INSERT = """
            INSERT INTO sessions (secret_hash, user_id, ip, user_agent, created_at, expires_at, session_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String DELETE_LIVE_BY_ID = "DELETE FROM sessions WHERE session_id = ? AND expires_at > ?";
    private static final String DELETE_LIVE_BY_USER = "DELETE FROM sessions WHERE user_id = ? AND expires_at > ?";
    private static final UniqueKeys UNIQUE_KEYS = new UniqueKeys(Map.of(
            UniqueKeys.PRIMARY, "a session with this id already exists",
            "sessions_secret_hash_unique", "a session with this secret already exists"));

    private final Sql sql;
    private final Clock clock;

    @Inject
    MysqlSessionStore(MysqlDatabase database, Clock clock) {
        this.sql = new Sql(database, UNIQUE_KEYS);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void save(Session session) {
        requireNonNull(session, "session is null");
        Object[] values = {
            session.secretHash(),
            session.userId(),
            session.ip(),
            session.userAgent(),
            session.createdAt(),
            session.expiresAt(),
            session.id()
        };
        sql.save(UPDATE, INSERT, values);
    }

    @Override
    public Optional<Session> findBySecretHash(String secretHash) {
        return sql.optional(SELECT_LIVE + " AND secret_hash = ?", MysqlSessionStore::session, clock.now(),
                requireNonNull(secretHash, "secretHash is null"));
    }

    @Override
    public Optional<Session> findById(Id<Session> id) {
        return sql.optional(SELECT_LIVE + " AND session_id = ?", MysqlSessionStore::session, clock.now(),
                requireNonNull(id, "id is null"));
    }

    @Override
    public List<Session> findByUser(Id<User> userId) {
        return sql.list(SELECT_LIVE + " AND user_id = ?", MysqlSessionStore::session, clock.now(),
                requireNonNull(userId, "userId is null"));
    }

    @Override
    public boolean delete(Id<Session> id) {
        return sql.update(DELETE_LIVE_BY_ID, requireNonNull(id, "id is null"), clock.now()) > 0;
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        return sql.update(DELETE_LIVE_BY_USER, requireNonNull(userId, "userId is null"), clock.now());
    }

    private static Session session(ResultSet row) throws SQLException {
        return new Session(
                Columns.id(row, "session_id"),
                row.getString("secret_hash"),
                Columns.id(row, "user_id"),
                row.getString("ip"),
                row.getString("user_agent"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "expires_at"));
    }
}
