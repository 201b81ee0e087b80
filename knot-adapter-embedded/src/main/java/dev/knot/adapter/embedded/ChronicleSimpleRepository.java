package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.SimpleRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operations every id-only repository shares; subclasses name the collection.
 *
 * @param <T> the record
 */
abstract class ChronicleSimpleRepository<T> implements SimpleRepository<T> {
    private final EmbeddedStore store;
    private final Function<StoreCollections, RecordCollection<T>> collection;

    ChronicleSimpleRepository(EmbeddedStore store, Function<StoreCollections, RecordCollection<T>> collection) {
        this.store = requireNonNull(store, "store is null");
        this.collection = requireNonNull(collection, "collection is null");
    }

    @Override
    public void save(T entity) {
        records().save(requireNonNull(entity, "entity is null"));
    }

    @Override
    public Optional<T> findById(Id<T> id) {
        return records().find(id.value());
    }

    @Override
    public List<T> findAll() {
        return records().findAll();
    }

    @Override
    public boolean delete(Id<T> id) {
        return records().remove(id.value()).isPresent();
    }

    final RecordCollection<T> records() {
        return collection.apply(store.collections());
    }
}
