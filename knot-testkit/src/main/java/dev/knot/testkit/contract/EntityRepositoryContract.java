package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.EntityRepository;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EntityRepository} shares: find by id, find all, delete. A port's contract extends
 * this and says how to make entities and how to insert one (save or create).
 *
 * @param <T> the aggregate
 * @param <R> the repository port
 */
public abstract class EntityRepositoryContract<T, R extends EntityRepository<T>> extends PortContract {
    private R repository;

    protected EntityRepositoryContract(Class<R> port) {
        super(port);
    }

    /** A repository over an empty store; called at most once per test. */
    protected abstract R newRepository();

    /** The fixture factory: a valid entity, different from every other one made (no unique field clashes). */
    protected abstract T anEntity();

    protected abstract Id<T> idOf(T entity);

    /** Adds a new entity the way the port does it ({@code save} or {@code create}). */
    protected abstract void insert(R repository, T entity);

    /** The repository under test, made on first use in each test. */
    protected final R repository() {
        if (repository == null) {
            repository = newRepository();
        }
        return repository;
    }

    /** Closes the repository when it holds resources, so that stores over files do not leak between tests. */
    @AfterEach
    public void closeRepository() throws Exception {
        if (repository instanceof AutoCloseable) {
            ((AutoCloseable) repository).close();
        }
    }

    @Test
    public void findByIdOfAnUnknownIdIsEmpty() {
        insert(repository(), anEntity());

        assertThat(repository().findById(idOf(anEntity()))).isEmpty();
    }

    @Test
    public void findAllOfAnEmptyStoreIsEmpty() {
        assertThat(repository().findAll()).isEmpty();
    }

    @Test
    public void insertedEntityIsFoundByIdWithEveryField() {
        T entity = anEntity();

        insert(repository(), entity);

        assertThat(repository().findById(idOf(entity))).contains(entity);
    }

    @Test
    public void findAllReturnsEveryEntity() {
        T first = anEntity();
        T second = anEntity();
        T third = anEntity();
        insert(repository(), first);
        insert(repository(), second);
        insert(repository(), third);

        assertThat(repository().findAll()).containsExactlyInAnyOrder(first, second, third);
    }

    @Test
    public void deleteRemovesOnlyThatEntity() {
        T deleted = anEntity();
        T kept = anEntity();
        insert(repository(), deleted);
        insert(repository(), kept);

        assertThat(repository().delete(idOf(deleted))).isTrue();

        assertThat(repository().findById(idOf(deleted))).isEmpty();
        assertThat(repository().findById(idOf(kept))).contains(kept);
        assertThat(repository().findAll()).containsExactly(kept);
    }

    @Test
    public void deleteOfAnUnknownIdReturnsFalse() {
        T kept = anEntity();
        insert(repository(), kept);

        assertThat(repository().delete(idOf(anEntity()))).isFalse();
        assertThat(repository().findAll()).containsExactly(kept);
    }

    @Test
    public void secondDeleteOfTheSameIdReturnsFalse() {
        T entity = anEntity();
        insert(repository(), entity);

        assertThat(repository().delete(idOf(entity))).isTrue();
        assertThat(repository().delete(idOf(entity))).isFalse();
    }

    @Test
    public void deletedEntityCanBeInsertedAgain() {
        T entity = anEntity();
        insert(repository(), entity);
        repository().delete(idOf(entity));

        insert(repository(), entity);

        assertThat(repository().findById(idOf(entity))).contains(entity);
        assertThat(repository().findAll()).containsExactly(entity);
    }

    @Test
    public void concurrentInsertsOfDifferentEntitiesAreAllKept() {
        R shared = repository();
        List<T> entities = IntStream.range(0, 20).mapToObj(index -> anEntity()).collect(Collectors.toList());

        Race.run(entities.size(), index -> {
            insert(shared, entities.get(index));
            return index;
        });

        assertThat(shared.findAll()).containsExactlyInAnyOrderElementsOf(entities);
        for (T entity : entities) {
            assertThat(shared.findById(idOf(entity))).isEqualTo(Optional.of(entity));
        }
    }
}
