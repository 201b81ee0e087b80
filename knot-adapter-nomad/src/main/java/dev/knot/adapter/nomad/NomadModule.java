package dev.knot.adapter.nomad;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.VolumeScheduler;
import dev.knot.ports.runtime.ManagedService;
import jakarta.inject.Singleton;

/**
 * Nomad as the scheduler: binds {@link JobScheduler} and {@link VolumeScheduler}, and the Nomad HTTP client as a
 * {@link ManagedService} (started before first use, closed on shutdown). Works under knot-app's strict Guice
 * settings (explicit bindings, {@code @Inject} constructors).
 */
public final class NomadModule extends AbstractModule {
    private final NomadConfig config;

    public NomadModule(NomadConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(NomadConfig.class).toInstance(config);
        bind(NomadConnection.class).in(Singleton.class);
        bind(NomadCalls.class).in(Singleton.class);
        bind(JobScheduler.class).to(NomadJobScheduler.class).in(Singleton.class);
        bind(VolumeScheduler.class).to(NomadVolumeScheduler.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(NomadConnection.class);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NomadModule module && module.config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }
}
