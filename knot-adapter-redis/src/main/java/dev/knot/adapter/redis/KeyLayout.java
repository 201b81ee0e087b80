package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import java.util.Locale;

/**
 * The names of knot's keys, after the original's layout ({@code {prefix}Users:{id}}, {@code UsersByEmail:…}),
 * plus one set of ids per collection so that listing never scans the keyspace. In a cluster every key also
 * carries the hash tag {@code {knot}}: a record and its indexes are written by one Lua script, and a script may
 * only touch keys of one slot.
 */
final class KeyLayout {
    static final String CLUSTER_HASH_TAG = "{knot}";

    private final String base;

    KeyLayout(String keyPrefix, boolean cluster) {
        requireNonNull(keyPrefix, "keyPrefix is null");
        this.base = cluster ? keyPrefix + CLUSTER_HASH_TAG : keyPrefix;
    }

    static KeyLayout of(RedisConfig config) {
        return new KeyLayout(config.keyPrefix(), config.topology() == RedisConfig.Topology.CLUSTER);
    }

    /** What every key starts with: the prefix, and the hash tag in a cluster. */
    String base() {
        return base;
    }

    /** The key of the record {@code id} of a collection, e.g. {@code Users:<id>}. */
    String record(Collection collection, Id<?> id) {
        return base + collection.keyName + ":" + id.value();
    }

    /** The set of every id in a collection. */
    String ids(Collection collection) {
        if (collection.idSetName == null) {
            throw new IllegalArgumentException(collection + " keeps no set of ids");
        }
        return base + collection.idSetName;
    }

    /** A unique index entry: the key whose value is the id of the record holding {@code value}. */
    String uniqueIndex(String indexName, String value) {
        return base + indexName + ":" + value;
    }

    /** The set of ids of the records that share {@code value}, e.g. the spaces of one user. */
    String membersIndex(String indexName, String value) {
        return base + indexName + ":" + value;
    }

    /** The marker of a used one-time nonce, e.g. {@code UsedNonces:<nonce>}. */
    String usedNonce(String nonce) {
        return base + "UsedNonces:" + nonce;
    }

    /** A lock shared by every server on this Redis, e.g. the one that serialises one user's space creations. */
    String lock(String lockName, String value) {
        return base + lockName + ":" + value;
    }

    /** Names and emails are unique whatever their case, so their index keys hold them lowercased. */
    static String caseless(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** knot's collections: the record key name (as in the original) and the name of the set of their ids. */
    enum Collection {
        USERS("Users", "UserIds"),
        GROUPS("Groups", "GroupIds"),
        TEMPLATES("Templates", "TemplateIds"),
        TEMPLATE_VARS("TemplateVars", "TemplateVarIds"),
        VOLUMES("Volumes", "VolumeIds"),
        SPACES("Spaces", "SpaceIds"),
        TOKENS("Tokens", "TokenIds"),
        /** Sessions and agent states expire; nothing lists all of them, so they have no id set. */
        SESSIONS("Sessions", null),
        AGENT_STATES("AgentState", null);

        private final String keyName;
        private final String idSetName;

        Collection(String keyName, String idSetName) {
            this.keyName = keyName;
            this.idSetName = idSetName;
        }
    }
}
