package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.UserUseCases;

/**
 * Whether knot still waits for its first admin. Once a user exists that never changes back, so after the first
 * "no" the store is not asked again.
 */
final class SetupState {
    private final UserUseCases users;
    private volatile boolean complete;

    SetupState(UserUseCases users) {
        this.users = requireNonNull(users, "users is null");
    }

    boolean required() {
        if (complete) {
            return false;
        }
        boolean required = users.setupRequired();
        if (!required) {
            complete = true;
        }
        return required;
    }
}
