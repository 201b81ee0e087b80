package dev.knot.app.cli;

import dev.knot.app.backup.DurableStore;
import dev.knot.app.config.LoadedConfig;
import dev.knot.ports.in.UserUseCases;
import java.util.function.Function;

/**
 * The configured store, opened by the command line itself with the domain's rules over it but no HTTP listener:
 * how `knot admin` works, so it needs neither a running server nor an account.
 */
public interface DirectStore {
    /**
     * Opens the store, runs {@code task} on the user rules, and closes the store again.
     *
     * @return what {@code task} returned: one line for the operator
     * @throws dev.knot.ports.model.KnotException when the store cannot be opened (an embedded store is in use by a
     *     running server, ...) or the task is refused
     */
    String withUsers(LoadedConfig config, Function<UserUseCases, String> task);

    /**
     * Opens the store, runs {@code task} on its durable repositories directly (no domain rules: backup and restore
     * copy records as they are), and closes the store again.
     *
     * @return what {@code task} returned, for the operator
     * @throws dev.knot.ports.model.KnotException when the store cannot be opened or the task fails
     */
    String withDurableStore(LoadedConfig config, Function<DurableStore, String> task);
}
