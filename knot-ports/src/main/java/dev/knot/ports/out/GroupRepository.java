package dev.knot.ports.out;

import dev.knot.ports.model.Group;

/** Durable storage of {@link Group}s. */
public interface GroupRepository extends SimpleRepository<Group> {}
