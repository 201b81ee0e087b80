package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.out.SimpleRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A collection without unique fields: each record under its key, and its id in the collection's set of ids,
 * both written by one script so that {@link #findAll()} never misses a saved record or returns a deleted one.
 *
 * @param <T> the record
 */
abstract class RedisSimpleRepository<T> implements SimpleRepository<T> {
    private final RedisOperations redis;
    private final KeyLayout keys;
    private final KeyLayout.Collection collection;
    private final RecordCodec<T> codec;
    private final Function<T, Id<T>> idOf;

    RedisSimpleRepository(RedisOperations redis, KeyLayout keys, KeyLayout.Collection collection,
            RecordCodec<T> codec, Function<T, Id<T>> idOf) {
        this.redis = requireNonNull(redis, "redis is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.collection = requireNonNull(collection, "collection is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.idOf = requireNonNull(idOf, "idOf is null");
    }

    @Override
    public void save(T entity) {
        Id<T> id = idOf.apply(entity);
        redis.write(RecordWrite.overwrite(keys.record(collection, id), id.value(), codec.toJson(entity))
                .addTo(List.of(keys.ids(collection))));
    }

    @Override
    public Optional<T> findById(Id<T> id) {
        String key = keys.record(collection, id);
        return redis.get(key).map(json -> codec.fromJson(json, key));
    }

    @Override
    public List<T> findAll() {
        List<String> recordKeys = redis.members(keys.ids(collection)).stream()
                .filter(Id::isValid)
                .map(id -> keys.record(collection, Id.of(id)))
                .toList();
        Map<String, String> values = redis.getAll(recordKeys);
        List<T> records = new ArrayList<>();
        values.forEach((key, json) -> records.add(codec.fromJson(json, key)));
        return records;
    }

    @Override
    public boolean delete(Id<T> id) {
        return redis.write(RecordWrite.removeAny(keys.record(collection, id), id.value())
                        .removeFrom(List.of(keys.ids(collection))))
                .existedBefore();
    }
}
