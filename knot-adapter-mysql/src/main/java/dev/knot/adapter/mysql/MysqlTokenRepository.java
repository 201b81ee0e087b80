package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.out.TokenRepository;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API tokens in the tokens table, found by the hash of their secret (a unique index) and by owner. */
final class MysqlTokenRepository implements TokenRepository {
    private static final String SELECT_ALL = """
            SELECT token_id, secret_hash, suffix, user_id, name, created_at, expires_at
            FROM tokens""";
    private static final KeyedTable.Statements STATEMENTS = new KeyedTable.Statements(
            SELECT_ALL,
            SELECT_ALL + " WHERE token_id = ?",
            """
            UPDATE tokens SET secret_hash = ?, suffix = ?, user_id = ?, name = ?, created_at = ?, expires_at = ?
            WHERE token_id = ?""",
            """
            INSERT INTO tokens (secret_hash, suffix, user_id, name, created_at, expires_at, token_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""",
            "DELETE FROM tokens WHERE token_id = ?");
    private static final String SELECT_BY_SECRET_HASH = SELECT_ALL + " WHERE secret_hash = ?";
    private static final String SELECT_BY_USER = SELECT_ALL + " WHERE user_id = ?";
    private static final String DELETE_BY_USER = "DELETE FROM tokens WHERE user_id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM tokens WHERE expires_at <= ?";
    private static final UniqueKeys UNIQUE_KEYS = new UniqueKeys(Map.of(
            UniqueKeys.PRIMARY, "a token with this id already exists",
            "tokens_secret_hash_unique", "a token with this secret already exists"));

    private final Sql sql;
    private final KeyedTable<Token> table;

    @Inject
    MysqlTokenRepository(MysqlDatabase database) {
        this.sql = new Sql(database, UNIQUE_KEYS);
        this.table = new KeyedTable<>(sql, STATEMENTS, MysqlTokenRepository::token, token -> new Object[] {
            token.secretHash(),
            token.suffix(),
            token.userId(),
            token.name(),
            token.createdAt(),
            token.expiresAt(),
            token.id()
        });
    }

    @Override
    public void save(Token token) {
        table.save(token);
    }

    @Override
    public Optional<Token> findById(Id<Token> id) {
        return table.findById(id);
    }

    @Override
    public List<Token> findAll() {
        return table.findAll();
    }

    @Override
    public boolean delete(Id<Token> id) {
        return table.delete(id);
    }

    @Override
    public Optional<Token> findBySecretHash(String secretHash) {
        return sql.optional(SELECT_BY_SECRET_HASH, MysqlTokenRepository::token,
                requireNonNull(secretHash, "secretHash is null"));
    }

    @Override
    public List<Token> findByUser(Id<User> userId) {
        return sql.list(SELECT_BY_USER, MysqlTokenRepository::token, requireNonNull(userId, "userId is null"));
    }

    @Override
    public int deleteByUser(Id<User> userId) {
        return sql.update(DELETE_BY_USER, requireNonNull(userId, "userId is null"));
    }

    /** Removes tokens whose expiry is not after {@code now}: the ones {@link Token#isExpiredAt} calls expired. */
    @Override
    public int deleteExpired(Instant now) {
        return sql.update(DELETE_EXPIRED, requireNonNull(now, "now is null"));
    }

    private static Token token(ResultSet row) throws SQLException {
        return new Token(
                Columns.id(row, "token_id"),
                row.getString("secret_hash"),
                row.getString("suffix"),
                Columns.id(row, "user_id"),
                row.getString("name"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "expires_at"));
    }
}
