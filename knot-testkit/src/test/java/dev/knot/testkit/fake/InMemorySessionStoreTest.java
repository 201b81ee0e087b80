package dev.knot.testkit.fake;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.SessionStore;
import dev.knot.testkit.contract.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {
    @Override
    protected SessionStore newStore(Clock clock) {
        return new InMemorySessionStore(clock);
    }
}
