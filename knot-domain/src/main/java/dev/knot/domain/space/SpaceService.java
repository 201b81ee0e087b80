package dev.knot.domain.space;

import static dev.knot.domain.access.AccessPolicy.may;
import static dev.knot.domain.access.AccessPolicy.mayUseSpace;
import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.crypto.AgentRegistrationKeys;
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
import java.time.Duration;
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
 *
 * <p>Several servers may share the store. Every write of a space is a compare-and-set over the version the
 * operation read ({@link TrackedSpace}), so two operations on one space never both act on the same state: the one
 * that writes second gets LOCKED (the reconciler tries again next round) and leaves the space to the first. The
 * in-process {@link SpaceLocks} only spare this server's own calls that conflict.
 */
public final class SpaceService implements SpaceUseCases {
    private static final String JOB_ID_PREFIX = "knot-";
    /** Every task of a space's job gets the space's agent registration key under this name. */
    public static final String AGENT_KEY_VARIABLE = "KNOT_AGENT_KEY";
    private static final String DEFAULT_NAMESPACE = "default";
    private static final int MAXIMUM_MESSAGE_LENGTH = 1024;
    private static final Set<SpaceState> ACTIVE = Set.of(SpaceState.STARTING, SpaceState.RUNNING);
    /** States in which a space must have no job. */
    private static final Set<SpaceState> WITHOUT_JOB = Set.of(SpaceState.STOPPING, SpaceState.STOPPED,
            SpaceState.DELETING);
    /**
     * How long a STARTING space without a job, or a DELETING space, must have been left unchanged before the
     * reconciler takes its work over: until then another server may be in the middle of it (creating volumes,
     * submitting the job). Longer than any one scheduler call takes; the servers' clocks must agree to well within it.
     */
    static final Duration TAKE_OVER_AFTER = Duration.ofMinutes(1);
    /** Tries at recording a volume on a space that other operations keep changing; more is pathological. */
    private static final int VOLUME_RECORD_ATTEMPTS = 10;

    private final SpaceRepository spaces;
    private final TemplateRepository templates;
    private final UserRepository users;
    private final AgentStateStore agentStates;
    private final JobScheduler jobs;
    private final VolumeScheduler volumes;
    private final TemplateVarUseCases variables;
    private final SecretCipher cipher;
    private final AgentRegistrationKeys agentKeys;
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
            AgentRegistrationKeys agentKeys,
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
        this.agentKeys = requireNonNull(agentKeys, "agentKeys is null");
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
            return new TrackedSpace(spaces, current).change(space -> space.withDetails(command.name(),
                    SpaceFields.cleanAltNames(command.name(), command.altNames()), template.id(),
                    SpaceFields.agentUrl(template, command.agentUrl()), command.shell(), clock.now()));
        });
    }

    @Override
    public void deleteSpace(User actor, Id<Space> spaceId) {
        locks.with(spaceId, () -> {
            Space space = findOwned(actor, spaceId);
            if (space.state() != SpaceState.STOPPED && space.state() != SpaceState.FAILED) {
                throw locked("space cannot be deleted");
            }
            TrackedSpace tracked = new TrackedSpace(spaces, space);
            // DELETING first, so that a start racing this one on another server finds the space taken.
            tracked.change(current -> current.withState(SpaceState.DELETING, "", clock.now()));
            if (!isHere(space)) {
                // Started by a server elsewhere, which owns its volumes: only the record goes, as in the original.
                spaces.delete(space.id());
                return null;
            }
            finishDelete(tracked);
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
            TrackedSpace tracked = new TrackedSpace(spaces, space);
            tracked.change(current -> current
                    .withDeployment(settings.location(), template.hash(), current.nomadNamespace(), jobIdOf(current),
                            clock.now())
                    .withState(SpaceState.STARTING, "", clock.now()));
            return deploy(tracked, template);
        });
    }

    @Override
    public Space stopSpace(User actor, Id<Space> spaceId) {
        return locks.with(spaceId, () -> stop(new TrackedSpace(spaces, findOwned(actor, spaceId))));
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
    public String agentRegistrationKey(User actor, Id<Space> spaceId) {
        return agentKeys.keyFor(findOwned(actor, spaceId).id());
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
                        .map(current -> stop(new TrackedSpace(spaces, current))));
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
     * space whose job is in fact alive follows it. A space another call is working on is left for the next round:
     * one this server is busy with, one another server changed first (LOCKED), and a STARTING space without a job
     * or a DELETING space changed within {@link #TAKE_OVER_AFTER}, whose start or delete another server may still be
     * carrying out. A scheduler failure leaves the space as it was, for the next round.
     */
    public void reconcile() {
        for (Space space : spaces.findAll()) {
            if (space.state() != SpaceState.STOPPED && isHere(space)) {
                locks.tryWith(space.id(), () -> reload(space.id()).ifPresent(this::reconcileOne));
            }
        }
    }

    private void reconcileOne(Space space) {
        TrackedSpace tracked = new TrackedSpace(spaces, space);
        try {
            switch (space.state()) {
                case STARTING -> reconcileStarting(tracked);
                case RUNNING -> reconcileRunning(tracked);
                case STOPPING -> reconcileStopping(tracked);
                case DELETING -> {
                    if (leftAlone(space)) {
                        finishDelete(tracked);
                    }
                }
                case FAILED -> reconcileFailed(tracked);
                case STOPPED -> {
                    // Nothing runs, nothing to follow.
                }
            }
        } catch (KnotException failure) {
            // Recorded on the space where it matters (deploy, delete); a status poll that failed, or a space another
            // operation changed first, is looked at again next round.
        }
    }

    private void reconcileStarting(TrackedSpace tracked) {
        Space space = tracked.current();
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case RUNNING -> tracked.change(current -> current.withState(SpaceState.RUNNING, "", clock.now()));
            case PENDING -> {
                // Still being placed.
            }
            case NOT_FOUND -> {
                if (leftAlone(space)) {
                    deploy(tracked, templateOf(space));
                }
            }
            case DEAD -> tracked.change(current -> current.withState(SpaceState.FAILED, "the job stopped before it ran",
                    clock.now()));
            case FAILED -> tracked.change(current -> current.withState(SpaceState.FAILED, message(status.message()),
                    clock.now()));
        }
    }

    private void reconcileRunning(TrackedSpace tracked) {
        Space space = tracked.current();
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case NOT_FOUND, DEAD -> {
                tracked.change(current -> current.withState(SpaceState.STOPPED, "", clock.now()));
                agentStates.delete(space.id());
            }
            case FAILED -> tracked.change(current -> current.withState(SpaceState.FAILED, message(status.message()),
                    clock.now()));
            case RUNNING, PENDING -> {
                // Running, or restarting its tasks.
            }
        }
    }

    private void reconcileStopping(TrackedSpace tracked) {
        Space space = tracked.current();
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        if (status.state() != JobStatus.JobState.NOT_FOUND) {
            jobs.remove(space.nomadNamespace(), space.nomadJobId());
        }
        tracked.change(current -> current.withState(SpaceState.STOPPED, "", clock.now()));
    }

    private void reconcileFailed(TrackedSpace tracked) {
        Space space = tracked.current();
        if (space.nomadJobId().isEmpty()) {
            return;
        }
        JobStatus status = jobs.status(space.nomadNamespace(), space.nomadJobId());
        switch (status.state()) {
            case RUNNING -> tracked.change(current -> current.withState(SpaceState.RUNNING, "", clock.now()));
            case PENDING -> tracked.change(current -> current.withState(SpaceState.STARTING, "", clock.now()));
            case NOT_FOUND, DEAD, FAILED -> {
                // Failed it is; the owner stops or starts it again.
            }
        }
    }

    /** Unchanged for {@link #TAKE_OVER_AFTER}: whoever was working on it has stopped. */
    private boolean leftAlone(Space space) {
        return !space.updatedAt().plus(TAKE_OVER_AFTER).isAfter(clock.now());
    }

    /** Creates the volumes and submits the job of a STARTING space; a failure leaves it FAILED with the message. */
    private Space deploy(TrackedSpace tracked, Template template) {
        try {
            Space space = tracked.current();
            User owner = users.findById(space.userId())
                    .orElseThrow(() -> KnotException.notFound("the space's owner no longer exists"));
            RenderContext context = spaceTemplates.context(space, template, owner,
                    cipher.decrypt(owner.servicePassword(), owner.id().value()),
                    variables.resolveValues(settings.location()));
            createVolumes(tracked, spaceTemplates.volumes(space, template, context));
            ParsedJob job = jobs.parse(spaceTemplates.job(template, context));
            Space submitting = tracked.change(current -> current.withDeployment(settings.location(), template.hash(),
                    job.namespace(), jobIdOf(current), clock.now()));
            // The agent proves with this key that it runs in the space's job (templates need not pass it on).
            jobs.submit(job, submitting.nomadJobId(), Map.of(AGENT_KEY_VARIABLE, agentKeys.keyFor(space.id())));
            withdrawIfNoLongerWanted(submitting);
            return submitting;
        } catch (KnotException failure) {
            recordFailure(tracked, SpaceState.FAILED, failure);
            throw failure;
        }
    }

    /**
     * Another server may have stopped or deleted the space while its job was on the way, and removed the job before
     * it arrived: the job would then run for a space that says it has none, which no reconciler looks at. So it is
     * removed again here. Should a new start have come in between, this takes its job away too; that space is
     * STARTING without a job, which the reconciler submits again.
     */
    private void withdrawIfNoLongerWanted(Space submitted) {
        Optional<Space> latest = reload(submitted.id());
        if (latest.isEmpty() || WITHOUT_JOB.contains(latest.get().state())) {
            jobs.remove(submitted.nomadNamespace(), submitted.nomadJobId());
            throw new SpaceOvertaken();
        }
    }

    /**
     * Creates each volume the space does not have yet, saving after each so none is forgotten; drops the ones the
     * template no longer has. A volume that already exists and no other space records is adopted: it is what a
     * create that succeeded just before a crash leaves.
     */
    private void createVolumes(TrackedSpace tracked, List<CsiVolumeSpec> wanted) {
        for (CsiVolumeSpec volume : wanted) {
            CsiVolumeRef recorded = tracked.current().volumeData().get(volume.id());
            if (recorded != null && recorded.namespace().equals(volume.namespace())) {
                continue;
            }
            if (recorded != null) {
                volumes.deleteCsiVolume(recorded.namespace(), recorded.id());
                forgetVolume(tracked, volume.id());
            }
            createOrAdopt(tracked.current(), volume);
            recordVolume(tracked, new CsiVolumeRef(volume.id(), volume.namespace()));
        }
        Set<String> wantedIds = wanted.stream().map(CsiVolumeSpec::id).collect(Collectors.toSet());
        for (CsiVolumeRef stale : List.copyOf(tracked.current().volumeData().values())) {
            if (!wantedIds.contains(stale.id())) {
                volumes.deleteCsiVolume(stale.namespace(), stale.id());
                forgetVolume(tracked, stale.id());
            }
        }
    }

    private void recordVolume(TrackedSpace tracked, CsiVolumeRef volume) {
        try {
            tracked.change(current -> current.withVolumeData(with(current.volumeData(), volume), clock.now()));
        } catch (SpaceOvertaken overtaken) {
            keepTrackOf(tracked.current().id(), volume);
            throw overtaken;
        }
    }

    /**
     * A volume this operation created for a space that another one changed meanwhile: recorded on the space as it
     * is now, so that deleting the space deletes it too, or deleted at once if the space is going or gone (or
     * records another volume under its id).
     */
    private void keepTrackOf(Id<Space> spaceId, CsiVolumeRef volume) {
        for (int attempt = 0; attempt < VOLUME_RECORD_ATTEMPTS; attempt++) {
            Optional<Space> latest = reload(spaceId);
            CsiVolumeRef recorded = latest.map(space -> space.volumeData().get(volume.id())).orElse(null);
            if (latest.isEmpty() || latest.get().state() == SpaceState.DELETING
                    || (recorded != null && !recorded.equals(volume))) {
                volumes.deleteCsiVolume(volume.namespace(), volume.id());
                return;
            }
            Space space = latest.get();
            if (volume.equals(recorded) || spaces.replaceIfUnchanged(space,
                    space.withVolumeData(with(space.volumeData(), volume), clock.now()))) {
                return;
            }
        }
    }

    private void forgetVolume(TrackedSpace tracked, String volumeId) {
        tracked.change(current -> current.withVolumeData(without(current.volumeData(), volumeId), clock.now()));
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

    private Space stop(TrackedSpace tracked) {
        Space space = tracked.current();
        if (!ACTIVE.contains(space.state()) && space.state() != SpaceState.FAILED) {
            throw locked("space cannot be stopped");
        }
        if (!isHere(space)) {
            throw locked("space location does not match server location");
        }
        Space stopping = tracked.change(current -> current.withState(SpaceState.STOPPING, "", clock.now()));
        agentStates.delete(space.id());
        if (stopping.nomadJobId().isEmpty()) {
            return tracked.change(current -> current.withState(SpaceState.STOPPED, "", clock.now()));
        }
        try {
            jobs.remove(stopping.nomadNamespace(), stopping.nomadJobId());
        } catch (KnotException failure) {
            // Still STOPPING: the reconciler removes the job once the scheduler answers again.
            recordFailure(tracked, SpaceState.STOPPING, failure);
            throw failure;
        }
        return stopping;
    }

    /**
     * Removes what a DELETING space still has in the scheduler, saving after each step, then the record. Nothing
     * moves a space out of DELETING, so the record goes whatever another server did to it meanwhile.
     */
    private void finishDelete(TrackedSpace tracked) {
        Space space = tracked.current();
        try {
            if (!space.nomadJobId().isEmpty()) {
                jobs.remove(space.nomadNamespace(), space.nomadJobId());
            }
            for (CsiVolumeRef volume : List.copyOf(space.volumeData().values())) {
                volumes.deleteCsiVolume(volume.namespace(), volume.id());
                forgetVolume(tracked, volume.id());
            }
        } catch (KnotException failure) {
            // Still DELETING: the reconciler carries on once the scheduler answers again.
            recordFailure(tracked, SpaceState.DELETING, failure);
            throw failure;
        }
        agentStates.delete(space.id());
        spaces.delete(space.id());
    }

    /**
     * Records why an operation failed on the space as the operation last left it; not when another operation has
     * changed the space since, which then is that one's to describe.
     */
    private void recordFailure(TrackedSpace tracked, SpaceState state, KnotException failure) {
        if (failure instanceof SpaceOvertaken) {
            return;
        }
        try {
            tracked.change(current -> current.withState(state, message(failure.getMessage()), clock.now()));
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

    /** Never started, or started by this server's location. */
    private boolean isHere(Space space) {
        return space.location().isEmpty() || space.location().equals(settings.location());
    }

    private static String jobIdOf(Space space) {
        return JOB_ID_PREFIX + space.id().value();
    }

    private static Map<String, CsiVolumeRef> with(Map<String, CsiVolumeRef> data, CsiVolumeRef volume) {
        Map<String, CsiVolumeRef> copy = new HashMap<>(data);
        copy.put(volume.id(), volume);
        return copy;
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
