package dev.knot.ports.out;

import dev.knot.ports.model.User;
import java.util.Optional;

/** Durable storage of {@link User}s, unique by username and by email, both compared case-insensitively. */
public interface UserRepository extends EntityRepository<User> {
    /**
     * Inserts a new user.
     *
     * @throws dev.knot.ports.model.KnotException ALREADY_EXISTS when the id, the username or the email is taken;
     *     nothing is written then
     */
    void create(User user);

    /**
     * Inserts {@code user} only if there are no users at all, atomically: of many concurrent callers at most one
     * succeeds. This is how the first admin is made.
     *
     * @return true if the user was created, false if a user already existed
     */
    boolean createIfNoUsers(User user);

    /**
     * Replaces an existing user (same id), keeping the email index in step.
     *
     * @throws dev.knot.ports.model.KnotException NOT_FOUND when there is no such user; ALREADY_EXISTS when the
     *     new email or username belongs to another user; nothing is written then
     */
    void update(User user);

    Optional<User> findByEmail(String email);

    Optional<User> findByUsername(String username);

    /** Whether any user exists. */
    boolean hasUsers();
}
