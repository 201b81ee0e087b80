package dev.knot.app.config;

/** The durable stores knot can use. */
public enum StorageType {
    EMBEDDED,
    MYSQL,
    REDIS
}
