package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

/**
 * Which store holds durable data and which holds the cache (sessions, agent state), chosen as the original did:
 * mysql.enabled, else badgerdb/embedded enabled, else redis.enabled, else (unlike the original, which refused to
 * start) the embedded store at its default directory.
 */
public record StorageConfig(StorageType type, EmbeddedStore embedded, MysqlSection mysql, RedisSection redis) {
    public StorageConfig {
        requireNonNull(type, "type is null");
        requireNonNull(embedded, "embedded is null");
        requireNonNull(mysql, "mysql is null");
        requireNonNull(redis, "redis is null");
    }

    /** Sessions and agent state go to Redis whenever it is enabled beside MySQL, else to the durable store. */
    public StorageType cacheType() {
        return switch (type) {
            case MYSQL -> redis.enabled() ? StorageType.REDIS : StorageType.MYSQL;
            case EMBEDDED, REDIS -> type;
        };
    }
}
