package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The few Redis operations knot's stores use, on the shared connection. Every Redisson failure leaves here as
 * KnotException STORE_UNAVAILABLE.
 */
final class RedisOperations {
    /** MGET in slices, so that listing a large collection does not make one huge reply. */
    private static final int KEYS_PER_READ = 200;
    private static final String RECORD_WRITE_SCRIPT = script("record-write.lua");
    private static final String USED_NONCE_SCRIPT = script("used-nonce.lua");
    /** How long a caller waits for a lock before the store counts as unavailable. */
    private static final long LOCK_WAIT_SECONDS = 10;
    /** A lock frees itself after this long, so a server that dies holding one blocks nobody for good. */
    private static final long LOCK_LEASE_SECONDS = 30;

    private final RedisConnection connection;

    @Inject
    RedisOperations(RedisConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    Optional<String> get(String key) {
        return call(client -> Optional.ofNullable(client.<String>getBucket(key, StringCodec.INSTANCE).get()));
    }

    /** The values of the keys that exist, by key, in the order given. */
    Map<String, String> getAll(List<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_READ) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_READ));
            Map<String, String> found = call(
                    client -> client.getBuckets(StringCodec.INSTANCE).get(slice.toArray(String[]::new)));
            for (String key : slice) {
                String value = found.get(key);
                if (value != null) {
                    values.put(key, value);
                }
            }
        }
        return values;
    }

    Set<String> members(String setKey) {
        return call(client -> client.<String>getSet(setKey, StringCodec.INSTANCE).readAll());
    }

    boolean isEmptySet(String setKey) {
        return call(client -> client.getSet(setKey, StringCodec.INSTANCE).size() == 0);
    }

    /** Removes members whose records are gone (expired), so that a set of expiring ids does not grow. */
    void removeMembers(String setKey, Collection<String> members) {
        if (!members.isEmpty()) {
            call(client -> client.<String>getSet(setKey, StringCodec.INSTANCE).removeAll(members));
        }
    }

    /**
     * Runs {@code work} holding the lock {@code lockKey}, which every server on this Redis shares: what needs a
     * read, a decision and a write without anyone writing in between (a quota check and the create it allows).
     */
    <T> T withLock(String lockKey, Supplier<T> work) {
        RLock lock = call(client -> client.getLock(lockKey));
        boolean locked;
        try {
            locked = call(client -> tryLock(lock));
        } catch (IllegalStateException interrupted) {
            Thread.currentThread().interrupt();
            throw connection.failures().unavailable("interrupted while waiting for a lock");
        }
        if (!locked) {
            throw connection.failures().unavailable("a lock stayed taken for " + LOCK_WAIT_SECONDS + " s");
        }
        try {
            return work.get();
        } finally {
            call(client -> {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
                return null;
            });
        }
    }

    private static boolean tryLock(RLock lock) {
        try {
            return lock.tryLock(LOCK_WAIT_SECONDS, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    RecordWrite.Outcome write(RecordWrite write) {
        long answer = call(client -> client.getScript(StringCodec.INSTANCE).<Long>eval(
                write.recordKey(), RScript.Mode.READ_WRITE, RECORD_WRITE_SCRIPT, RScript.ReturnType.LONG,
                write.keys(), write.arguments()));
        return write.outcome(answer);
    }

    /**
     * Sets {@code key} to {@code expiresAt} unless it holds an expiry after {@code now}, in one step.
     *
     * @return true if set
     */
    boolean markUsed(String key, Instant now, Instant expiresAt, Duration timeToLive) {
        long answer = call(client -> client.getScript(StringCodec.INSTANCE).<Long>eval(
                key, RScript.Mode.READ_WRITE, USED_NONCE_SCRIPT, RScript.ReturnType.LONG, List.of(key),
                String.valueOf(now.toEpochMilli()), String.valueOf(expiresAt.toEpochMilli()),
                String.valueOf(timeToLive.toMillis())));
        return answer == 1;
    }

    private <T> T call(Function<RedissonClient, T> operation) {
        RedissonClient client = connection.client();
        try {
            return operation.apply(client);
        } catch (RedisException failure) {
            throw connection.failures().unavailable(failure);
        }
    }

    private static String script(String name) {
        try (InputStream in = RedisOperations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the script " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException error) {
            throw new UncheckedIOException("cannot read the script " + name, error);
        }
    }
}
