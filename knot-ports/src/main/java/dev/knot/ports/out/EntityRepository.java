package dev.knot.ports.out;

import dev.knot.ports.model.Id;
import java.util.List;
import java.util.Optional;

/**
 * The operations every durable repository offers for its aggregate {@code T}.
 *
 * @param <T> the aggregate
 */
public interface EntityRepository<T> {
    /** The entity with this id, or empty when there is none. */
    Optional<T> findById(Id<T> id);

    /** Every entity, in no particular order. */
    List<T> findAll();

    /**
     * Removes the entity and everything that indexes it.
     *
     * @return true if it existed
     */
    boolean delete(Id<T> id);
}
