package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.out.SimpleRepository;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a {@link SimpleRepository}: {@code save} inserts or replaces by id.
 *
 * @param <T> the aggregate
 * @param <R> the repository port
 */
public abstract class SimpleRepositoryContract<T, R extends SimpleRepository<T>>
        extends EntityRepositoryContract<T, R> {
    protected SimpleRepositoryContract(Class<R> port) {
        super(port);
    }

    /** {@code entity} with the same id and every other field changed. */
    protected abstract T changed(T entity);

    @Override
    protected final void insert(R repository, T entity) {
        repository.save(entity);
    }

    @Test
    public void saveWithTheIdOfAnExistingEntityReplacesIt() {
        T original = anEntity();
        T other = anEntity();
        repository().save(original);
        repository().save(other);
        T replacement = changed(original);

        repository().save(replacement);

        assertThat(repository().findById(idOf(original))).contains(replacement);
        assertThat(repository().findAll()).containsExactlyInAnyOrder(replacement, other);
    }

    @Test
    public void savingTheSameEntityTwiceKeepsOneCopy() {
        T entity = anEntity();

        repository().save(entity);
        repository().save(entity);

        assertThat(repository().findAll()).containsExactly(entity);
    }
}
