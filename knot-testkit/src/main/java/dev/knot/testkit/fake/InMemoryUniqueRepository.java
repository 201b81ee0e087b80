package dev.knot.testkit.fake;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A repository whose entities own unique keys besides their id (a username, a space name within its owner).
 * Create and update check every key and write under one lock, so a rejected write leaves nothing behind and two
 * racing writers cannot both take a key.
 *
 * @param <T> the aggregate
 */
abstract class InMemoryUniqueRepository<T> extends InMemoryEntityRepository<T> {
    private final String entityName;

    InMemoryUniqueRepository(String entityName, Function<T, Id<T>> idOf) {
        super(idOf);
        this.entityName = requireNonNull(entityName, "entityName is null");
    }

    /** The keys no other entity may hold, already normalised (for example lowercased). */
    abstract Set<String> uniqueKeys(T entity);

    public synchronized void create(T entity) {
        requireNonNull(entity, "entity is null");
        if (contains(idOf(entity))) {
            throw KnotException.alreadyExists(format("%s %s already exists", entityName, idOf(entity)));
        }
        rejectKeysTakenByOthers(entity);
        put(entity);
    }

    public synchronized void update(T entity) {
        requireNonNull(entity, "entity is null");
        if (!contains(idOf(entity))) {
            throw KnotException.notFound(format("%s %s not found", entityName, idOf(entity)));
        }
        rejectKeysTakenByOthers(entity);
        put(entity);
    }

    final Optional<T> findByKey(String key) {
        return findFirstWhere(entity -> uniqueKeys(entity).contains(key));
    }

    private void rejectKeysTakenByOthers(T entity) {
        Set<String> keys = uniqueKeys(entity);
        Id<T> id = idOf(entity);
        boolean taken = !findWhere(other -> !idOf(other).equals(id) && !Collections.disjoint(uniqueKeys(other), keys))
                .isEmpty();
        if (taken) {
            throw KnotException.alreadyExists(format("%s name already in use", entityName));
        }
    }
}
