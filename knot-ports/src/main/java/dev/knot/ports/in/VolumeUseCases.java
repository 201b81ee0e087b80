package dev.knot.ports.in;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import java.util.List;

/** Standalone CSI volumes: everything needs the manage-volumes permission. */
public interface VolumeUseCases {
    List<Volume> listVolumes(User actor);

    Volume getVolume(User actor, Id<Volume> volumeId);

    Volume createVolume(User actor, VolumeCommand command);

    Volume updateVolume(User actor, Id<Volume> volumeId, VolumeCommand command);

    /** INVALID_ARGUMENT "Cannot delete an active volume" while it is active. */
    void deleteVolume(User actor, Id<Volume> volumeId);

    /**
     * Creates the volume in the scheduler; its definition must hold exactly one volume. LOCKED when it is active
     * already (here or at another location).
     *
     * @return the volume, active at this server's location
     */
    Volume startVolume(User actor, Id<Volume> volumeId);

    /** Deletes the volume in the scheduler. LOCKED when it is not active at this server's location. */
    Volume stopVolume(User actor, Id<Volume> volumeId);
}
