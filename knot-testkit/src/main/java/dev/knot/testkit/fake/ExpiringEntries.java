package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values by key that vanish once expired by the clock: an expired value is never returned, and is dropped at the
 * next write. Thread-safe through this object's monitor.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class ExpiringEntries<K, V> {
    private final Map<K, V> entries = new HashMap<>();
    private final Clock clock;
    private final Function<V, K> keyOf;
    private final BiPredicate<V, Instant> isExpiredAt;

    ExpiringEntries(Clock clock, Function<V, K> keyOf, BiPredicate<V, Instant> isExpiredAt) {
        this.clock = requireNonNull(clock, "clock is null");
        this.keyOf = requireNonNull(keyOf, "keyOf is null");
        this.isExpiredAt = requireNonNull(isExpiredAt, "isExpiredAt is null");
    }

    synchronized void put(V value) {
        requireNonNull(value, "value is null");
        Instant now = clock.now();
        entries.values().removeIf(entry -> isExpiredAt.test(entry, now));
        entries.put(keyOf.apply(value), value);
    }

    synchronized Optional<V> get(K key) {
        requireNonNull(key, "key is null");
        return Optional.ofNullable(entries.get(key)).filter(this::isLive);
    }

    synchronized List<V> liveWhere(Predicate<V> condition) {
        return entries.values().stream().filter(this::isLive).filter(condition).toList();
    }

    /** @return true if a live value was removed */
    synchronized boolean removeLive(K key) {
        requireNonNull(key, "key is null");
        V removed = entries.remove(key);
        return removed != null && isLive(removed);
    }

    /** @return how many live values were removed */
    synchronized int removeLiveWhere(Predicate<V> condition) {
        List<V> removed = liveWhere(condition);
        removed.forEach(value -> entries.remove(keyOf.apply(value)));
        return removed.size();
    }

    private boolean isLive(V value) {
        return !isExpiredAt.test(value, clock.now());
    }
}
