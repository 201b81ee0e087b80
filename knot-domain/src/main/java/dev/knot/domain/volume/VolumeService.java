package dev.knot.domain.volume;

import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.VolumeCommand;
import dev.knot.ports.in.VolumeUseCases;
import dev.knot.ports.model.Audit;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.ports.out.VolumeScheduler;
import java.util.List;

/**
 * Standalone CSI volumes, for volume managers. Their definitions are not templates: no variables are rendered
 * in them, as in the original. A volume is active at the location that started it, and only there can it stop.
 */
public final class VolumeService implements VolumeUseCases {
    private final VolumeRepository volumes;
    private final VolumeScheduler scheduler;
    private final String location;
    private final IdGenerator ids;
    private final Clock clock;

    public VolumeService(
            VolumeRepository volumes, VolumeScheduler scheduler, String location, IdGenerator ids, Clock clock) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.location = requireNonNull(location, "location is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public List<Volume> listVolumes(User actor) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        return volumes.findAll();
    }

    @Override
    public Volume getVolume(User actor, Id<Volume> volumeId) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        return find(volumeId);
    }

    @Override
    public Volume createVolume(User actor, VolumeCommand command) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        VolumeDefinitions.parse("definition", command.definition());
        Volume volume = new Volume(ids.next(), command.name(), command.definition(), "", false,
                Audit.createdBy(actor.id(), clock.now()));
        volumes.save(volume);
        return volume;
    }

    @Override
    public Volume updateVolume(User actor, Id<Volume> volumeId, VolumeCommand command) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        Volume current = find(volumeId);
        VolumeDefinitions.parse("definition", command.definition());
        Volume updated = new Volume(volumeId, command.name(), command.definition(), current.location(),
                current.active(), current.audit().updatedBy(actor.id(), clock.now()));
        volumes.save(updated);
        return updated;
    }

    @Override
    public void deleteVolume(User actor, Id<Volume> volumeId) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        if (find(volumeId).active()) {
            throw KnotException.invalid("Cannot delete an active volume");
        }
        volumes.delete(volumeId);
    }

    @Override
    public synchronized Volume startVolume(User actor, Id<Volume> volumeId) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        Volume current = find(volumeId);
        if (current.active()) {
            throw new KnotException(ErrorCode.LOCKED,
                    current.location().equals(location) ? "volume is running" : "volume is used by another server");
        }
        scheduler.createCsiVolume(single(current));
        Volume started = new Volume(volumeId, current.name(), current.definition(), location, true,
                current.audit().updatedBy(actor.id(), clock.now()));
        volumes.save(started);
        return started;
    }

    @Override
    public synchronized Volume stopVolume(User actor, Id<Volume> volumeId) {
        requirePermission(actor, Permission.MANAGE_VOLUMES);
        Volume current = find(volumeId);
        if (!current.active() || !current.location().equals(location)) {
            throw new KnotException(ErrorCode.LOCKED, "volume not running");
        }
        CsiVolumeSpec volume = single(current);
        scheduler.deleteCsiVolume(volume.namespace(), volume.id());
        Volume stopped = new Volume(volumeId, current.name(), current.definition(), "", false,
                current.audit().updatedBy(actor.id(), clock.now()));
        volumes.save(stopped);
        return stopped;
    }

    private static CsiVolumeSpec single(Volume volume) {
        List<CsiVolumeSpec> defined = VolumeDefinitions.parse("definition", volume.definition());
        if (defined.size() != 1) {
            throw KnotException.invalid("the definition must hold exactly one volume, it holds " + defined.size());
        }
        return defined.get(0);
    }

    private Volume find(Id<Volume> volumeId) {
        requireNonNull(volumeId, "volumeId is null");
        return volumes.findById(volumeId).orElseThrow(() -> KnotException.notFound("volume not found"));
    }
}
