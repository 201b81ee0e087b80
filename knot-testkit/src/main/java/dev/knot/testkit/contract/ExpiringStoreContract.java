package dev.knot.testkit.contract;

import dev.knot.ports.out.Clock;
import dev.knot.testkit.fixture.MutableClock;
import org.junit.jupiter.api.AfterEach;

/**
 * What the contracts of the cache ports share: the store under test reads the time from a clock the test moves.
 *
 * @param <S> the store port
 */
public abstract class ExpiringStoreContract<S> extends PortContract {
    private final MutableClock clock = new MutableClock();
    private S store;

    protected ExpiringStoreContract(Class<S> port) {
        super(port);
    }

    /** A store over an empty cache that measures expiry with {@code clock}; called at most once per test. */
    protected abstract S newStore(Clock clock);

    /** The store under test, made on first use in each test. */
    protected final S store() {
        if (store == null) {
            store = newStore(clock);
        }
        return store;
    }

    /** The store's clock, which starts at {@link dev.knot.testkit.fixture.FixtureDefaults#NOW}. */
    protected final MutableClock clock() {
        return clock;
    }

    /** Closes the store when it holds resources, so that stores over files do not leak between tests. */
    @AfterEach
    public void closeStore() throws Exception {
        if (store instanceof AutoCloseable) {
            ((AutoCloseable) store).close();
        }
    }
}
