package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.EntityRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Entities by id in a map guarded by this object's monitor. One lock for everything keeps each check-then-write
 * of the subclasses atomic; speed does not matter in a fake. Queries scan the map, so there is no secondary
 * index that could fall out of step.
 *
 * @param <T> the aggregate
 */
abstract class InMemoryEntityRepository<T> implements EntityRepository<T> {
    private final Map<Id<T>, T> entities = new LinkedHashMap<>();
    private final Function<T, Id<T>> idOf;

    InMemoryEntityRepository(Function<T, Id<T>> idOf) {
        this.idOf = requireNonNull(idOf, "idOf is null");
    }

    @Override
    public synchronized Optional<T> findById(Id<T> id) {
        requireNonNull(id, "id is null");
        return Optional.ofNullable(entities.get(id));
    }

    @Override
    public synchronized List<T> findAll() {
        return List.copyOf(entities.values());
    }

    @Override
    public synchronized boolean delete(Id<T> id) {
        requireNonNull(id, "id is null");
        return entities.remove(id) != null;
    }

    final synchronized List<T> findWhere(Predicate<T> condition) {
        return entities.values().stream().filter(condition).toList();
    }

    final synchronized Optional<T> findFirstWhere(Predicate<T> condition) {
        return entities.values().stream().filter(condition).findFirst();
    }

    /** @return how many entities were removed */
    final synchronized int deleteWhere(Predicate<T> condition) {
        int before = entities.size();
        entities.values().removeIf(condition);
        return before - entities.size();
    }

    /** Callers hold this object's monitor when they need the put to follow a check atomically. */
    final synchronized void put(T entity) {
        requireNonNull(entity, "entity is null");
        entities.put(idOf.apply(entity), entity);
    }

    final synchronized boolean contains(Id<T> id) {
        return entities.containsKey(id);
    }

    final Id<T> idOf(T entity) {
        return idOf.apply(entity);
    }
}
