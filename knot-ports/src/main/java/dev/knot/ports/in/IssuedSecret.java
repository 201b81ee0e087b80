package dev.knot.ports.in;

import static java.util.Objects.requireNonNull;

/**
 * A credential just made: the record as stored, and its secret, which exists only here and is shown to the user
 * once.
 *
 * @param <T> the stored record (Session or Token)
 */
public record IssuedSecret<T>(T record, String secret) {
    public IssuedSecret {
        requireNonNull(record, "record is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "IssuedSecret[" + record + "]";
    }
}
