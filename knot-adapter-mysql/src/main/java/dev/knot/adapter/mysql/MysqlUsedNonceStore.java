package dev.knot.adapter.mysql;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.ports.out.UsedNonces;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Used nonces in the used_nonces table, for setups without Redis. Marking one is two statements, each atomic on its
 * own: a row whose expiry has passed by the clock is deleted, then the nonce is inserted unless a row holds it. Of
 * racing marks exactly one inserts, whether or not an expired row was there first. Expired rows otherwise wait for
 * the database's periodic purge.
 */
final class MysqlUsedNonceStore implements UsedNonceStore {
    static final String DELETE_EXPIRED = "DELETE FROM used_nonces WHERE expires_at <= ?";
    private static final String DELETE_IF_EXPIRED = "DELETE FROM used_nonces WHERE nonce = ? AND expires_at <= ?";
    // IGNORE turns only the duplicate key into "0 rows": the nonce and expiry were checked before, so no other
    // error it would hide can arise.
    private static final String INSERT_UNLESS_HELD = "INSERT IGNORE INTO used_nonces (nonce, expires_at) VALUES (?, ?)";

    private final Sql sql;
    private final Clock clock;

    @Inject
    MysqlUsedNonceStore(MysqlDatabase database, Clock clock) {
        this.sql = new Sql(database, UniqueKeys.NONE);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public boolean markUsed(String nonce, Instant expiresAt) {
        Instant now = clock.now();
        UsedNonces.requireValid(nonce, expiresAt, now);
        return sql.withConnection(connection -> {
            connection.update(DELETE_IF_EXPIRED, nonce, now);
            return connection.update(INSERT_UNLESS_HELD, nonce, expiresAt) == 1;
        });
    }
}
