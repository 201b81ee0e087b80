package dev.knot.ports.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Who created and last changed an administrative record (groups, templates, variables, volumes), and when. */
public record Audit(Id<User> createdBy, Instant createdAt, Id<User> updatedBy, Instant updatedAt) {
    /** Stands for knot itself where a record is made by the server, not by a user (the Manual template). */
    public static final Id<User> SYSTEM = Id.of("00000000-0000-0000-0000-000000000000");

    public Audit {
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedBy, "updatedBy is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    public static Audit createdBy(Id<User> user, Instant at) {
        return new Audit(user, at, user, at);
    }

    public Audit updatedBy(Id<User> user, Instant at) {
        return new Audit(createdBy, createdAt, user, at);
    }
}
