package dev.knot.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.VolumeScheduler;
import dev.knot.testkit.fake.SchedulerFaults.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link VolumeScheduler} in memory, with the port's failures injectable through {@link #faults}. Thread-safe. */
public final class FakeVolumeScheduler implements VolumeScheduler {
    private final Map<String, CsiVolumeSpec> volumes = new LinkedHashMap<>();
    private final SchedulerFaults faults = new SchedulerFaults();

    public SchedulerFaults faults() {
        return faults;
    }

    @Override
    public void createCsiVolume(CsiVolumeSpec volume) {
        requireNonNull(volume, "volume is null");
        Optional<KnotException> after = faults.before(Operation.CREATE_VOLUME);
        synchronized (this) {
            String key = key(volume.namespace(), volume.id());
            if (volumes.containsKey(key)) {
                throw KnotException.alreadyExists("Nomad: volume " + volume.id() + " already exists");
            }
            volumes.put(key, volume);
        }
        after.ifPresent(failure -> {
            throw failure;
        });
    }

    @Override
    public void deleteCsiVolume(String namespace, String volumeId) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(volumeId, "volumeId is null");
        Optional<KnotException> after = faults.before(Operation.DELETE_VOLUME);
        synchronized (this) {
            volumes.remove(key(namespace, volumeId));
        }
        after.ifPresent(failure -> {
            throw failure;
        });
    }

    /** The volumes that exist now. */
    public synchronized List<CsiVolumeSpec> volumes() {
        return List.copyOf(volumes.values());
    }

    public synchronized Optional<CsiVolumeSpec> volume(String namespace, String volumeId) {
        return Optional.ofNullable(volumes.get(key(namespace, volumeId)));
    }

    private static String key(String namespace, String volumeId) {
        return namespace + "/" + volumeId;
    }
}
