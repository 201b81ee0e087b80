package dev.knot.ports.out;

import dev.knot.ports.model.Id;

/** Makes new entity ids (UUIDv7 in production: time-ordered, unguessable enough to be unique, not secret). */
public interface IdGenerator {
    <T> Id<T> next();
}
