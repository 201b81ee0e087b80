package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toSet;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link SpaceRepository} in memory: names and alternative names unique per owner, case-insensitively.
 * Thread-safe.
 */
public final class InMemorySpaceRepository extends InMemoryUniqueRepository<Space> implements SpaceRepository {
    public InMemorySpaceRepository() {
        super("space", Space::id);
    }

    @Override
    public Optional<Space> findByName(Id<User> userId, String name) {
        requireNonNull(userId, "userId is null");
        requireNonNull(name, "name is null");
        return findByKey(nameKey(userId, name));
    }

    @Override
    public List<Space> findByUser(Id<User> userId) {
        requireNonNull(userId, "userId is null");
        return findWhere(space -> space.userId().equals(userId));
    }

    /** Atomic because the check and the insert run under the one monitor every write takes. */
    @Override
    public synchronized boolean createWithinQuota(Space space, Predicate<List<Space>> withinQuota) {
        requireNonNull(space, "space is null");
        requireNonNull(withinQuota, "withinQuota is null");
        if (!withinQuota.test(findByUser(space.userId()))) {
            return false;
        }
        create(space);
        return true;
    }

    /** Atomic because the comparison and the write run under the one monitor every write takes. */
    @Override
    public synchronized boolean replaceIfUnchanged(Space expected, Space replacement) {
        SpaceRepository.requireSameSpace(expected, replacement);
        if (!findById(expected.id()).equals(Optional.of(expected))) {
            return false;
        }
        update(replacement);
        return true;
    }

    @Override
    public List<Space> findByTemplate(Id<Template> templateId) {
        requireNonNull(templateId, "templateId is null");
        return findWhere(space -> space.templateId().equals(templateId));
    }

    @Override
    Set<String> uniqueKeys(Space space) {
        return space.allNames().stream().map(name -> nameKey(space.userId(), name)).collect(toSet());
    }

    private static String nameKey(Id<User> userId, String name) {
        return userId.value() + "/" + name.toLowerCase(Locale.ROOT);
    }
}
