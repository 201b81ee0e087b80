package dev.knot.domain.space;

import static dev.knot.domain.access.AccessPolicy.may;
import static dev.knot.domain.access.AccessPolicy.mayUseSpace;
import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.render.RenderContext;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.domain.template.TemplateService;
import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.in.SpaceServiceState;
import dev.knot.ports.in.SpaceSummary;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.JobStatus;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.ParsedJob;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.AgentStateStore;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeScheduler;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spaces and their life on the scheduler. Every change of state is saved before the scheduler is asked, so a
 * server that dies half-way leaves a STARTING, STOPPING or DELETING space that {@link #reconcile} finishes; the job
 * id is derived from the space, so a repeated submission updates the one job. Scheduler failures are reported to
 * the caller and recorded on the space, which never claims to run without a job.
 */
public final class SpaceService implements SpaceUseCases {
    private static final String JOB_ID_PREFIX = "knot-";
    private static final String DEFAULT_NAMESPACE = "default";
    private static final int MAXIMUM_MESSAGE_LENGTH = 1024;
    private static final Set<SpaceState> ACTIVE = Set.of(SpaceState.STARTING, SpaceState.RUNNING);

    private final SpaceRepository spaces;
    private final TemplateRepository templates;
    private final UserRepository users;
    private final AgentStateStore agentStates;
    private final JobScheduler jobs;
    private final VolumeScheduler volumes;
    private final TemplateVarUseCases variables;
    private final SecretCipher cipher;
    private final SpaceSettings settings;
    private final SpaceTemplates spaceTemplates;
    private final SpaceQuota quota;
    private final IdGenerator ids;
    private final Clock clock;
    private final SpaceLocks locks = new SpaceLocks();

    public SpaceService(
            SpaceRepository spaces,
            TemplateRepository templates,
            UserRepository users,
            AgentStateStore agentStates,
            JobScheduler jobs,
            VolumeScheduler volumes,
            TemplateVarUseCases variables,
            SecretCipher cipher,
            TemplateRenderer renderer,
            SpaceSettings settings,
            IdGenerator ids,
            Clock clock) {
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.users = requireNonNull(users, "users is null");
        this.agentStates = requireNonNull(agentStates, "agentStates is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.spaceTemplates = new SpaceTemplates(requireNonNull(renderer, "renderer is null"), settings);
        this.quota = new SpaceQuota(spaceTemplates);
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public List<SpaceSummary> listSpaces(User actor, Id<User> owner) {
        requireNonNull(owner, "owner is null");
        if (!actor.id().equals(owner)) {
            requirePermission(actor, Permission.MANAGE_SPACES);
        }
        return summaries(spaces.findByUser(owner));
    }

    @Override
    public List<SpaceSummary> listAllSpaces(User actor) {
        requirePermission(actor, Permission.MANAGE_SPACES);
        return summaries(spaces.findAll());
    }

    @Override
    public Space getSpace(User actor, Id<Space> spaceId) {
        return findOwned(actor, spaceId);
    }

    @Override
    public Space createSpace(User actor, SpaceCommand command) {
        requireNonNull(command, "command is null");
        Id<User> ownerId = command.owner().orElse(actor.id());
        if (!actor.id().equals(ownerId)) {
            requirePermission(actor, Permission.MANAGE_SPACES);
        }
        User owner = users.findById(ownerId).orElseThrow(() -> KnotException.notFound("user not found"));
        Template template = usableTemplate(owner, command.templateId());
        SpaceFields.requireValidSizes(command.volumeSizes());
        Instant now = clock.now();
        Space space = new Space(ids.next(), ownerId, template.id(), command.name(),
                SpaceFields.cleanAltNames(command.name(), command.altNames()),
                SpaceFields.agentUrl(template, command.agentUrl()), command.shell(), "", "", DEFAULT_NAMESPACE, "",
                Map.of(), command.volumeSizes(), SpaceState.STOPPED, "", now, now);
        quota.create(spaces, space, owner, templates::findAll, () -> variables.resolveValues(settings.location()));
        return space;
    }

    @Override
    public Space updateSpace(User actor, Id<Space> spaceId, SpaceCommand command) {
        requireNonNull(command, "command is null");
        return locks.with(spaceId, () -> {
            Space current = findOwned(actor, spaceId);
            if (current.state() == SpaceState.DELETING) {
                throw locked("space is being deleted");
            }
            User owner = users.findById(current.userId()).orElseThrow(() -> KnotException.notFound("user not found"));
            Template template = usableTemplate(owner, command.templateId());
            Space updated = current.withDetails(command.name(),
                    SpaceFields.cleanAltNames(command.name(), command.altNames()), template.id(),
                    SpaceFields.agentUrl(template, command.agentUrl()), command.shell(), clock.now());
            spaces.update(updated);
            return updated;
        });
    }

    @Override
    public void deleteSpace(User actor, Id<Space> spaceId) {
        locks.with(spaceId, () -> {
            Space space = findOwned(actor, spaceId);
            if (space.state() != SpaceState.STOPPED && space.state() != SpaceState.FAILED) {
                throw locked("space cannot be deleted");
            }
            if (!isHere(space)) {
                // Started by a server elsewhere, which owns its volumes: only the record goes, as in the original.
                spaces.delete(space.id());
                return null;
            }
            finishDelete(save(space.withState(SpaceState.DELETING, "", clock.now())));
            return null;
        });
    }

    @Override
    public Space startSpace(User actor, Id<Space> spaceId) {
        return locks.with(spaceId, () -> {
            Space space = findOwned(actor, spaceId);
            Template template = templateOf(space);
            if (template.isManual()) {
                throw KnotException.invalid("a space of the Manual template runs its own agent: it is not started");
            }
            if (space.state() != SpaceState.STOPPED && space.state() != SpaceState.FAILED) {
                throw locked("space cannot be started");
            }
            if (!isHere(space)) {
                throw locked("space location does not match server location");
            }
            Space starting = save(space
                    .withDeployment(settings.location(), template.hash(), space.nomadNamespace(), jobIdOf(space),
                            clock.now())
                    .withState(SpaceState.STARTING, "", clock.now()));
            return deploy(starting, template);
        });
    }

    @Override
    public Space stopSpace(User actor, Id<Space> spaceId) {
        return locks.with(spaceId, () -> stop(findOwned(actor, spaceId)));
    }

    @Override
    public SpaceServiceState serviceState(User actor, Id<Space> spaceId) {
        Space space = findOwned(actor, spaceId);
        Optional<Template> template = templates.findById(space.templateId());
        boolean manual = template.map(Template::isManual).orElse(false);
        boolean updateAvailable = space.state() == SpaceState.RUNNING
                && template.map(current -> !current.hash().equals(space.templateHash())).orElse(false);
        boolean remote = !space.location().isEmpty() && !space.location().equals(settings.location());
        return new SpaceServiceState(space, agentStates.find(space.id()), updateAvailable, remote, manual);
    }

    @Override
    public int stopSpacesOfUser(User actor, Id<User> userId) {
        requireNonNull(userId, "userId is null");
        if (!actor.id().equals(userId) && !may(actor, Permission.MANAGE_USERS)
                && !may(actor, Permission.MANAGE_SPACES)) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, "No permission to manage spaces");
        }
        int stopped = 0;
        for (Space space : spaces.findByUser(userId)) {
            if (ACTIVE.contains(space.state()) && isHere(space)) {
                locks.with(space.id(), () -> reload(space.id()).filter(current -> ACTIVE.contains(current.state()))
                        .map(this::stop));
                stopped++;
            }
        }
        return stopped;
    }

    /**
     * Brings every space of this location that is on its way somewhere, or running, in line with the scheduler:
     * STARTING becomes RUNNING once the job runs (and is submitted again if the job is missing, as after a crash
     * between saving and submitting); STOPPING becomes STOPPED once the job is gone (removing it again if need be);
     * DELETING finishes deleting; a RUNNING space whose job is gone is STOPPED, whose job failed is FAILED; a FAILED
     * space whose job is in fact alive follows it. A space another call is working on is left for the next round.
     * A scheduler failure leaves the space as it was, for the next round.
     */
    public void reconcile() {
        for (Space space : spaces.findAll()) {
            if (space.state() != SpaceState.STOPPED && isHere(space)) {
                locks.tryWith(space.id(), () -> reload(space.id()).ifPresent(this::reconcileOne));
            }
        }
    }

    private void reconcileOne(Space space) {
        try {
            switch (space.state()) {
                case STARTING -> reconcileStarting(space);
                case RUNNING -> reconcileRunning(space);
                case STOPPING -> reconcileStopping(space);
                case DELETING -> finishDelete(space);
                case FAILED -> reconcileFailed(space);
                case STOPPED -> {
                    // Nothing runs, nothing to follow.
                }
            }
        } catch (KnotException failure) {
            // Recorded on the space where it matters (deploy, delete); a status poll that failed is tried again.
        }
    }

    private void reconcileStarting(Space space) {
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case RUNNING -> save(space.withState(SpaceState.RUNNING, "", clock.now()));
            case PENDING -> {
                // Still being placed.
            }
            case NOT_FOUND -> deploy(space, templateOf(space));
            case DEAD -> save(space.withState(SpaceState.FAILED, "the job stopped before it ran", clock.now()));
            case FAILED -> save(space.withState(SpaceState.FAILED, message(status.message()), clock.now()));
        }
    }

    private void reconcileRunning(Space space) {
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case NOT_FOUND, DEAD -> {
                agentStates.delete(space.id());
                save(space.withState(SpaceState.STOPPED, "", clock.now()));
            }
            case FAILED -> save(space.withState(SpaceState.FAILED, message(status.message()), clock.now()));
            case RUNNING, PENDING -> {
                // Running, or restarting its tasks.
            }
        }
    }

    private void reconcileStopping(Space space) {
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        if (status.state() != JobStatus.JobState.NOT_FOUND) {
            jobs.remove(space.nomadNamespace(), space.nomadJobId());
        }
        save(space.withState(SpaceState.STOPPED, "", clock.now()));
    }

    private void reconcileFailed(Space space) {
        if (space.nomadJobId().isEmpty()) {
            return;
        }
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case RUNNING -> save(space.withState(SpaceState.RUNNING, "", clock.now()));
            case PENDING -> save(space.withState(SpaceState.STARTING, "", clock.now()));
            case NOT_FOUND, DEAD, FAILED -> {
                // Failed it is; the owner stops or starts it again.
            }
        }
    }

    /** Creates the volumes and submits the job of a STARTING space; a failure leaves it FAILED with the message. */
    private Space deploy(Space space, Template template) {
        try {
            User owner = users.findById(space.userId())
                    .orElseThrow(() -> KnotException.notFound("the space's owner no longer exists"));
            RenderContext context = spaceTemplates.context(space, template, owner,
                    cipher.decrypt(owner.servicePassword(), owner.id().value()),
                    variables.resolveValues(settings.location()));
            Space withVolumes = createVolumes(space, spaceTemplates.volumes(space, template, context));
            ParsedJob job = jobs.parse(spaceTemplates.job(template, context));
            Space submitting = save(withVolumes.withDeployment(settings.location(), template.hash(), job.namespace(),
                    jobIdOf(space), clock.now()));
            jobs.submit(job, submitting.nomadJobId());
            return submitting;
        } catch (KnotException failure) {
            recordFailure(space.id(), SpaceState.FAILED, failure);
            throw failure;
        }
    }

    /**
     * Creates each volume the space does not have yet, saving after each so none is forgotten; drops the ones the
     * template no longer has. A volume that already exists and no other space records is adopted: it is what a
     * create that succeeded just before a crash leaves.
     */
    private Space createVolumes(Space space, List<CsiVolumeSpec> wanted) {
        Space current = space;
        for (CsiVolumeSpec volume : wanted) {
            CsiVolumeRef recorded = current.volumeData().get(volume.id());
            if (recorded != null && recorded.namespace().equals(volume.namespace())) {
                continue;
            }
            if (recorded != null) {
                volumes.deleteCsiVolume(recorded.namespace(), recorded.id());
                current = save(current.withVolumeData(without(current.volumeData(), volume.id()), clock.now()));
            }
            createOrAdopt(current, volume);
            Map<String, CsiVolumeRef> data = new HashMap<>(current.volumeData());
            data.put(volume.id(), new CsiVolumeRef(volume.id(), volume.namespace()));
            current = save(current.withVolumeData(data, clock.now()));
        }
        Set<String> wantedIds = wanted.stream().map(CsiVolumeSpec::id).collect(Collectors.toSet());
        for (CsiVolumeRef stale : List.copyOf(current.volumeData().values())) {
            if (!wantedIds.contains(stale.id())) {
                volumes.deleteCsiVolume(stale.namespace(), stale.id());
                current = save(current.withVolumeData(without(current.volumeData(), stale.id()), clock.now()));
            }
        }
        return current;
    }

    private void createOrAdopt(Space space, CsiVolumeSpec volume) {
        try {
            volumes.createCsiVolume(volume);
        } catch (KnotException failure) {
            if (failure.code() != ErrorCode.ALREADY_EXISTS || recordedByAnother(space, volume)) {
                throw failure.code() == ErrorCode.ALREADY_EXISTS
                        ? KnotException.invalid("volume " + volume.id() + " belongs to another space: template"
                                + " volume ids must include ${{.space.id}}")
                        : failure;
            }
        }
    }

    private boolean recordedByAnother(Space space, CsiVolumeSpec volume) {
        CsiVolumeRef ref = new CsiVolumeRef(volume.id(), volume.namespace());
        return spaces.findAll().stream()
                .anyMatch(other -> !other.id().equals(space.id()) && other.volumeData().containsValue(ref));
    }

    private Space stop(Space space) {
        if (!ACTIVE.contains(space.state()) && space.state() != SpaceState.FAILED) {
            throw locked("space cannot be stopped");
        }
        if (!isHere(space)) {
            throw locked("space location does not match server location");
        }
        Space stopping = save(space.withState(SpaceState.STOPPING, "", clock.now()));
        agentStates.delete(space.id());
        if (stopping.nomadJobId().isEmpty()) {
            return save(stopping.withState(SpaceState.STOPPED, "", clock.now()));
        }
        try {
            jobs.remove(stopping.nomadNamespace(), stopping.nomadJobId());
        } catch (KnotException failure) {
            // Still STOPPING: the reconciler removes the job once the scheduler answers again.
            recordFailure(space.id(), SpaceState.STOPPING, failure);
            throw failure;
        }
        return stopping;
    }

    /** Removes what a DELETING space still has in the scheduler, saving after each step, then the record. */
    private void finishDelete(Space space) {
        Space current = space;
        try {
            if (!current.nomadJobId().isEmpty()) {
                jobs.remove(current.nomadNamespace(), current.nomadJobId());
            }
            for (CsiVolumeRef volume : List.copyOf(current.volumeData().values())) {
                volumes.deleteCsiVolume(volume.namespace(), volume.id());
                current = save(current.withVolumeData(without(current.volumeData(), volume.id()), clock.now()));
            }
        } catch (KnotException failure) {
            // Still DELETING: the reconciler carries on once the scheduler answers again.
            recordFailure(space.id(), SpaceState.DELETING, failure);
            throw failure;
        }
        agentStates.delete(current.id());
        spaces.delete(current.id());
    }

    private void recordFailure(Id<Space> spaceId, SpaceState state, KnotException failure) {
        try {
            reload(spaceId).ifPresent(latest -> save(latest.withState(state, message(failure.getMessage()),
                    clock.now())));
        } catch (KnotException storeFailure) {
            failure.addSuppressed(storeFailure);
        }
    }

    private List<SpaceSummary> summaries(List<Space> found) {
        Map<Id<Template>, Template> byId = new HashMap<>();
        templates.findAll().forEach(template -> byId.put(template.id(), template));
        Map<Id<User>, Optional<User>> owners = new HashMap<>();
        LazyVariables values = new LazyVariables(() -> variables.resolveValues(settings.location()));
        return found.stream().map(space -> {
            Optional<User> owner = owners.computeIfAbsent(space.userId(), users::findById);
            Template template = byId.get(space.templateId());
            long size = template == null || owner.isEmpty() ? 0 : quota.sizeOrZero(space, template, owner.get(),
                    values);
            return new SpaceSummary(space, template == null ? "" : template.name(),
                    owner.map(User::username).orElse(""), size);
        }).toList();
    }

    private Template usableTemplate(User owner, Id<Template> templateId) {
        return templates.findById(templateId)
                .filter(template -> TemplateService.mayUse(owner, template))
                .orElseThrow(() -> KnotException.invalid("Unknown template"));
    }

    private Template templateOf(Space space) {
        return templates.findById(space.templateId())
                .orElseThrow(() -> KnotException.invalid("the space's template no longer exists"));
    }

    /** The space, if the actor owns it or manages spaces; NOT_FOUND otherwise, so others' ids cannot be probed. */
    private Space findOwned(User actor, Id<Space> spaceId) {
        requireNonNull(actor, "actor is null");
        requireNonNull(spaceId, "spaceId is null");
        return spaces.findById(spaceId)
                .filter(space -> mayUseSpace(actor, space))
                .orElseThrow(() -> KnotException.notFound("space not found"));
    }

    private Optional<Space> reload(Id<Space> spaceId) {
        return spaces.findById(spaceId);
    }

    private Space save(Space space) {
        spaces.update(space);
        return space;
    }

    /** Never started, or started by this server's location. */
    private boolean isHere(Space space) {
        return space.location().isEmpty() || space.location().equals(settings.location());
    }

    private static String jobIdOf(Space space) {
        return JOB_ID_PREFIX + space.id().value();
    }

    private static Map<String, CsiVolumeRef> without(Map<String, CsiVolumeRef> data, String volumeId) {
        Map<String, CsiVolumeRef> copy = new HashMap<>(data);
        copy.remove(volumeId);
        return copy;
    }

    private static String message(String text) {
        String shown = text.isEmpty() ? "the scheduler gave no reason" : text;
        return shown.length() <= MAXIMUM_MESSAGE_LENGTH ? shown : shown.substring(0, MAXIMUM_MESSAGE_LENGTH) + "…";
    }

    private static KnotException locked(String message) {
        return new KnotException(ErrorCode.LOCKED, message);
    }
}
