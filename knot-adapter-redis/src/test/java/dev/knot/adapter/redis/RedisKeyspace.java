package dev.knot.adapter.redis;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, random key prefix on the test Redis for each test, and its keys deleted afterwards, so that tests
 * never see each other's data. Register it as a non-static {@code @RegisterExtension} field.
 */
final class RedisKeyspace implements AfterEachCallback {
    /** The test Redis; started by .ci/run or by hand (see docs/storage-redis.md). */
    static final String HOST = System.getProperty("knot.test.redis", "127.0.0.1:6379");

    private static RedisConnection shared;

    private final KeyLayout keys = new KeyLayout("knot-it-" + UUID.randomUUID() + ":", false);

    /** The config of the test Redis, with this keyspace's prefix. */
    RedisConfig config() {
        return RedisConfig.of(List.of(HOST), "", 0, "", keys.base());
    }

    KeyLayout keys() {
        return keys;
    }

    /** Operations over one connection shared by every test of the JVM, as a server shares its one client. */
    RedisOperations operations() {
        return new RedisOperations(sharedConnection());
    }

    /** How many keys this test left in Redis. */
    long keyCount() {
        return sharedConnection().client().getKeys().getKeysStreamByPattern(keys.base() + "*").count();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sharedConnection().client().getKeys().deleteByPattern(keys.base() + "*");
    }

    private static synchronized RedisConnection sharedConnection() {
        if (shared == null) {
            RedisConnection connection = new RedisConnection(RedisConfig.of(List.of(HOST), "", 0, "", ""));
            connection.start();
            shared = connection;
        }
        return shared;
    }
}
