package dev.knot.domain.user;

import dev.knot.ports.model.User;

/** Told when a user's SSH public key or GitHub username changed, so running spaces can follow. */
@FunctionalInterface
public interface UserKeysListener {
    void keysChanged(User updated);
}
