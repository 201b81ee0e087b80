package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Supplier;

/** Template variable values, resolved (and decrypted) on first use only: many spaces need none. Not thread-safe. */
final class LazyVariables {
    private final Supplier<Map<String, String>> resolver;
    private Map<String, String> values;

    LazyVariables(Supplier<Map<String, String>> resolver) {
        this.resolver = requireNonNull(resolver, "resolver is null");
    }

    Map<String, String> get() {
        if (values == null) {
            values = Map.copyOf(resolver.get());
        }
        return values;
    }
}
