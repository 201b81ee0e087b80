package dev.knot.domain.user;

import static java.lang.String.format;

import dev.knot.ports.model.KnotException;

/** What a password must be. */
final class PasswordRules {
    static final int MINIMUM_LENGTH = 8;
    /** Long enough for any passphrase, short enough that hashing it cannot be used to burn CPU. */
    static final int MAXIMUM_LENGTH = 1024;

    private PasswordRules() {}

    static String check(String password) {
        if (password.length() < MINIMUM_LENGTH || password.length() > MAXIMUM_LENGTH) {
            throw KnotException.invalid(
                    format("password: must be %d to %d characters long", MINIMUM_LENGTH, MAXIMUM_LENGTH));
        }
        return password;
    }
}
