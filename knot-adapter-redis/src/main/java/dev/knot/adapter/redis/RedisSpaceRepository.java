package dev.knot.adapter.redis;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Spaces under {@code Spaces:<id>}. Each name and alternative name claims {@code
 * SpacesByUserIdByName:<user>:<lowercased name>}, so names are unique per user across both; the sets {@code
 * SpacesByUserId:<user>} and {@code SpacesByTemplateId:<template>} list them (unlike the original, the template
 * index follows a change of template).
 */
final class RedisSpaceRepository implements SpaceRepository {
    private static final String BY_NAME = "SpacesByUserIdByName";
    private static final String BY_USER = "SpacesByUserId";
    private static final String BY_TEMPLATE = "SpacesByTemplateId";

    private static final String QUOTA_LOCK = "SpaceQuotaLock";

    private final RedisOperations redis;
    private final KeyLayout keys;
    private final IndexedRecords<Space> spaces;

    @Inject
    RedisSpaceRepository(RedisOperations redis, KeyLayout keys) {
        this.redis = requireNonNull(redis, "redis is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.spaces = new IndexedRecords<>(redis, keys, KeyLayout.Collection.SPACES, new SpaceCodec(), new Indexing());
    }

    @Override
    public void create(Space space) {
        RecordWrite.Outcome outcome = spaces.insert(space, null);
        if (outcome.result() == RecordWrite.Result.ID_TAKEN) {
            throw KnotException.alreadyExists("duplicate space id");
        }
        refuseTakenName(outcome);
    }

    /**
     * Under a Redis lock per owner that every server shares: other quota-checked creates for the owner wait, so
     * the spaces the check sees are all there are when the insert happens.
     */
    @Override
    public boolean createWithinQuota(Space space, Predicate<List<Space>> withinQuota) {
        requireNonNull(space, "space is null");
        requireNonNull(withinQuota, "withinQuota is null");
        return redis.withLock(keys.lock(QUOTA_LOCK, space.userId().value()), () -> {
            if (!withinQuota.test(findByUser(space.userId()))) {
                return false;
            }
            create(space);
            return true;
        });
    }

    @Override
    public void update(Space space) {
        refuseTakenName(spaces.replaceExisting(space).orElseThrow(() -> KnotException.notFound("space not found")));
    }

    @Override
    public boolean replaceIfUnchanged(Space expected, Space replacement) {
        SpaceRepository.requireSameSpace(expected, replacement);
        Optional<RecordWrite.Outcome> outcome = spaces.replaceIf(replacement, expected::equals);
        outcome.ifPresent(RedisSpaceRepository::refuseTakenName);
        return outcome.isPresent();
    }

    @Override
    public Optional<Space> findByName(Id<User> userId, String name) {
        return spaces.findByUniqueKey(nameKey(userId, name));
    }

    @Override
    public List<Space> findByUser(Id<User> userId) {
        return spaces.findMembers(keys.membersIndex(BY_USER, userId.value()));
    }

    @Override
    public List<Space> findByTemplate(Id<Template> templateId) {
        return spaces.findMembers(keys.membersIndex(BY_TEMPLATE, templateId.value()));
    }

    @Override
    public Optional<Space> findById(Id<Space> id) {
        return spaces.find(id.value());
    }

    @Override
    public List<Space> findAll() {
        return spaces.findMembers(keys.ids(KeyLayout.Collection.SPACES));
    }

    @Override
    public boolean delete(Id<Space> id) {
        return spaces.delete(id.value()).isPresent();
    }

    private static void refuseTakenName(RecordWrite.Outcome outcome) {
        if (outcome.result() == RecordWrite.Result.CLAIM_TAKEN) {
            throw KnotException.alreadyExists("duplicate space name");
        }
    }

    private String nameKey(Id<User> userId, String name) {
        return keys.uniqueIndex(BY_NAME, userId.value() + ":" + KeyLayout.caseless(name));
    }

    private final class Indexing implements IndexedRecords.Indexing<Space> {
        @Override
        public String idOf(Space space) {
            return space.id().value();
        }

        @Override
        public Set<String> uniqueKeys(Space space) {
            return space.allNames().stream().map(name -> nameKey(space.userId(), name)).collect(Collectors.toSet());
        }

        @Override
        public Set<String> sets(Space space) {
            return Set.of(keys.ids(KeyLayout.Collection.SPACES), keys.membersIndex(BY_USER, space.userId().value()),
                    keys.membersIndex(BY_TEMPLATE, space.templateId().value()));
        }

        @Override
        public Optional<Duration> timeToLive(Space space) {
            return Optional.empty();
        }
    }
}
