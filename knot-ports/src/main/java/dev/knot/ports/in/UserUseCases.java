package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.User;
import java.util.List;

/**
 * Managing users. Every method takes the acting user and enforces knot's rules itself, so an embedding
 * application gets the same protection as the REST API.
 */
public interface UserUseCases {
    /** True until the first user exists: then only {@link #createFirstAdmin} works. */
    boolean setupRequired();

    /**
     * Creates the first user, with the Admin role whatever the command says. Of many concurrent calls exactly one
     * succeeds; once any user exists this fails with PERMISSION_DENIED, for good.
     */
    User createFirstAdmin(CreateUserCommand command);

    /** Needs the manage-users permission; only an admin may grant Admin. */
    User createUser(User actor, CreateUserCommand command);

    /**
     * Creates a user with whatever roles the command gives, as the system rather than as a user: for the operator's
     * command line, which has the store itself; not exposed over HTTP. The field and password rules, the group
     * references and the uniqueness of username and email apply as in {@link #createUser}.
     */
    User createUserAsOperator(CreateUserCommand command);

    /** The actor themself, or anyone for a user manager. NOT_FOUND when absent. */
    User getUser(User actor, Id<User> userId);

    /** Needs the manage-users permission. */
    List<User> listUsers(User actor, UserStateFilter filter);

    /**
     * The actor themself (own profile fields only) or anyone for a user manager. Nobody deactivates themself or
     * changes their own roles; only an admin grants or removes Admin.
     */
    User updateUser(User actor, Id<User> userId, UpdateUserCommand command);

    /** The user's service password in clear: for the user themself, or a user manager. */
    String revealServicePassword(User actor, Id<User> userId);

    /** A user manager deletes someone else; nobody deletes themself. Ends their sessions and tokens. */
    void deleteUser(User actor, Id<User> userId);

    /**
     * Sets the password of the user with {@code email} (compared case-insensitively), whoever they are: for the
     * operator's command line, which has the store itself; not exposed over HTTP. The password rules apply; the
     * user's sessions are ended, so whoever knew the old password is logged out. NOT_FOUND when there is no such
     * user.
     */
    void resetPassword(String email, String newPassword);
}
