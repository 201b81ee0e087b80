package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.SpaceRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A server's way to the shared spaces that stops before a chosen write (create, update, replace or delete). */
final class PausingSpaceRepository implements SpaceRepository {
    private final SpaceRepository shared;
    private final Pause beforeWrite;

    PausingSpaceRepository(SpaceRepository shared, Pause beforeWrite) {
        this.shared = requireNonNull(shared, "shared is null");
        this.beforeWrite = requireNonNull(beforeWrite, "beforeWrite is null");
    }

    @Override
    public void create(Space space) {
        beforeWrite.pass();
        shared.create(space);
    }

    @Override
    public boolean createWithinQuota(Space space, Predicate<List<Space>> withinQuota) {
        beforeWrite.pass();
        return shared.createWithinQuota(space, withinQuota);
    }

    @Override
    public void update(Space space) {
        beforeWrite.pass();
        shared.update(space);
    }

    @Override
    public boolean replaceIfUnchanged(Space expected, Space replacement) {
        beforeWrite.pass();
        return shared.replaceIfUnchanged(expected, replacement);
    }

    @Override
    public boolean delete(Id<Space> id) {
        beforeWrite.pass();
        return shared.delete(id);
    }

    @Override
    public Optional<Space> findById(Id<Space> id) {
        return shared.findById(id);
    }

    @Override
    public List<Space> findAll() {
        return shared.findAll();
    }

    @Override
    public Optional<Space> findByName(Id<User> userId, String name) {
        return shared.findByName(userId, name);
    }

    @Override
    public List<Space> findByUser(Id<User> userId) {
        return shared.findByUser(userId);
    }

    @Override
    public List<Space> findByTemplate(Id<Template> templateId) {
        return shared.findByTemplate(templateId);
    }
}
