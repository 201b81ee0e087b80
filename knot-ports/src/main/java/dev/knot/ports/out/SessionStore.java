package dev.knot.ports.out;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Session;
import dev.knot.ports.model.User;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live (the cache: in process, MySQL or Redis). Entries expire at their {@code expiresAt},
 * measured by the store's {@link Clock}: an expired session is never returned, whether or not it has been
 * removed yet.
 */
public interface SessionStore {
    /** Inserts or replaces (same id) a session; saving again with a later expiry extends it. */
    void save(Session session);

    /** The live session whose secret hashes to {@code secretHash}, or empty. */
    Optional<Session> findBySecretHash(String secretHash);

    Optional<Session> findById(Id<Session> id);

    /** The user's live sessions. */
    List<Session> findByUser(Id<User> userId);

    /** @return true if a live session was removed */
    boolean delete(Id<Session> id);

    /** Ends every session of the user. @return how many were removed */
    int deleteByUser(Id<User> userId);
}
