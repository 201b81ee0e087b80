package dev.knot.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.knot.ports.runtime.ManagedService;

/**
 * The periodic reconciliation of spaces with the scheduler: for a running server only, not for `knot admin`, which
 * opens the store without serving. Installed after {@link DomainModule}.
 */
final class SpaceReconciliationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SpaceReconciliation.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), ManagedService.class).addBinding().to(SpaceReconciliation.class);
    }
}
