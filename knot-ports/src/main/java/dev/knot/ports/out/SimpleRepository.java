package dev.knot.ports.out;

/**
 * A repository for an aggregate with no uniqueness rule beyond its id.
 *
 * @param <T> the aggregate
 */
public interface SimpleRepository<T> extends EntityRepository<T> {
    /** Inserts the entity, or replaces the one with the same id. Durable once it returns. */
    void save(T entity);
}
