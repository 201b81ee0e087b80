package dev.knot.testkit.fake;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.SimpleRepository;
import java.util.function.Function;

/**
 * A {@link SimpleRepository}: save inserts or replaces by id.
 *
 * @param <T> the aggregate
 */
abstract class InMemorySimpleRepository<T> extends InMemoryEntityRepository<T> implements SimpleRepository<T> {
    InMemorySimpleRepository(Function<T, Id<T>> idOf) {
        super(idOf);
    }

    @Override
    public void save(T entity) {
        put(entity);
    }
}
