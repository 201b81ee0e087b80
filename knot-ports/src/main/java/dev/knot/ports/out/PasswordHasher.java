package dev.knot.ports.out;

import dev.knot.ports.model.PasswordHash;

/** One-way hashing of user passwords. */
public interface PasswordHasher {
    /** A new salted hash of {@code password}. */
    PasswordHash hash(String password);

    /** Whether {@code password} matches {@code hash}; takes the same time for a wrong password as a right one. */
    boolean verify(String password, PasswordHash hash);

    /** Whether {@code hash} was made with other parameters than the current ones, so it should be remade at login. */
    boolean needsRehash(PasswordHash hash);
}
