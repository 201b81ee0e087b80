package dev.knot.ports.out;

import dev.knot.ports.model.CsiVolumeSpec;

/** Creates and deletes CSI volumes in the cluster scheduler. Failures as in {@link JobScheduler}. */
public interface VolumeScheduler {
    /** Creates the volume. A volume with the same id that already exists is an error (ALREADY_EXISTS). */
    void createCsiVolume(CsiVolumeSpec volume);

    /** Deletes the volume. Idempotent: a volume that is already gone is not an error. */
    void deleteCsiVolume(String namespace, String volumeId);
}
