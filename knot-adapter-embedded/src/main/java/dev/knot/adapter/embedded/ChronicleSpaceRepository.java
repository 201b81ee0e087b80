package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Spaces in the embedded store; names and alternative names are unique per owner (case-insensitive). */
final class ChronicleSpaceRepository implements SpaceRepository {
    static final Index<Space> BY_NAME = Index.unique("name",
            space -> space.allNames().stream()
                    .map(name -> Keys.scoped(space.userId().value(), name))
                    .collect(Collectors.toSet()),
            "the user already has a space with this name");
    static final Index<Space> BY_USER = Index.shared("user", space -> Set.of(space.userId().value()));
    static final Index<Space> BY_TEMPLATE = Index.shared("template", space -> Set.of(space.templateId().value()));
    static final List<Index<Space>> INDEXES = List.of(BY_NAME, BY_USER, BY_TEMPLATE);

    private final EmbeddedStore store;

    @Inject
    ChronicleSpaceRepository(EmbeddedStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void create(Space space) {
        spaces().insert(requireNonNull(space, "space is null"));
    }

    /**
     * The embedded store has one server (its directory is locked to it), so a monitor in this JVM is enough to
     * keep the check and the insert together. Every quota-checked create goes through this one repository.
     */
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

    @Override
    public void update(Space space) {
        spaces().update(requireNonNull(space, "space is null"));
    }

    @Override
    public boolean replaceIfUnchanged(Space expected, Space replacement) {
        SpaceRepository.requireSameSpace(expected, replacement);
        return spaces().replaceIf(replacement, expected::equals);
    }

    @Override
    public Optional<Space> findById(Id<Space> id) {
        return spaces().find(id.value());
    }

    @Override
    public List<Space> findAll() {
        return spaces().findAll();
    }

    @Override
    public boolean delete(Id<Space> id) {
        return spaces().remove(id.value()).isPresent();
    }

    @Override
    public Optional<Space> findByName(Id<User> userId, String name) {
        return spaces().findBy(BY_NAME, Keys.scoped(userId.value(), name)).stream().findFirst();
    }

    @Override
    public List<Space> findByUser(Id<User> userId) {
        return spaces().findBy(BY_USER, userId.value());
    }

    @Override
    public List<Space> findByTemplate(Id<Template> templateId) {
        return spaces().findBy(BY_TEMPLATE, templateId.value());
    }

    private RecordCollection<Space> spaces() {
        return store.collections().spaces();
    }
}
