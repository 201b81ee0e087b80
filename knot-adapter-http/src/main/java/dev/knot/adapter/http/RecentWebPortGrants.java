package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.WebPortHost;
import dev.knot.ports.in.WebPortTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Where a credential was let through to on a space host, for a moment. A page of an app loads many files and a
 * script calls in bursts: the requests after the first skip the store lookups (credential, user, space, agent
 * state), the agent token's derivation and the worker thread, and are forwarded from the I/O thread.
 *
 * <p>The price is bounded by {@link #LIFETIME}: a credential revoked, a session ended, a space stopped or an agent
 * registered again is noticed that much later on a host the credential has just used, and not at all later
 * anywhere else. Only grants are kept, never refusals, so a credential that has just become valid is not held up.
 * The credential is kept as presented, like the request that carried it, and only in memory.
 */
final class RecentWebPortGrants {
    static final Duration LIFETIME = Duration.ofSeconds(1);
    /** Far above the credential-and-host pairs a server sees in a second; beyond it the expired ones are dropped. */
    static final int CAPACITY = 10_000;

    /** How the credential was presented: the host's pass cookie or an {@code Authorization} header. */
    enum Presented {
        PASS,
        BEARER
    }

    private record Key(Presented presented, String credential, String hostName) {}

    private record Grant(WebPortTarget target, long expiresAt) {}

    private final ConcurrentMap<Key, Grant> grants = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;

    RecentWebPortGrants() {
        this(LIFETIME, System::nanoTime);
    }

    RecentWebPortGrants(Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = requireNonNull(lifetime, "lifetime is null").toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** The target {@code credential} was let through to on {@code host} within the lifetime, if it was. */
    Optional<WebPortTarget> find(Presented presented, String credential, WebPortHost host) {
        Key key = new Key(presented, credential, host.hostName());
        Grant grant = grants.get(key);
        if (grant == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - grant.expiresAt() >= 0) {
            grants.remove(key, grant);
            return Optional.empty();
        }
        return Optional.of(grant.target());
    }

    /** Records that {@code credential} has just been let through to {@code target} on {@code host}. */
    void remember(Presented presented, String credential, WebPortHost host, WebPortTarget target) {
        long now = nanoTime.getAsLong();
        if (grants.size() >= CAPACITY) {
            grants.values().removeIf(grant -> now - grant.expiresAt() >= 0);
            if (grants.size() >= CAPACITY) {
                grants.clear();
            }
        }
        grants.put(new Key(requireNonNull(presented, "presented is null"), requireNonNull(credential),
                host.hostName()), new Grant(requireNonNull(target, "target is null"), now + lifetimeNanos));
    }
}
