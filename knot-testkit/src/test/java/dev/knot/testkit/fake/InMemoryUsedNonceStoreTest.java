package dev.knot.testkit.fake;

import dev.knot.ports.out.Clock;
import dev.knot.ports.out.UsedNonceStore;
import dev.knot.testkit.contract.UsedNonceStoreContract;

class InMemoryUsedNonceStoreTest extends UsedNonceStoreContract {
    @Override
    protected UsedNonceStore newStore(Clock clock) {
        return new InMemoryUsedNonceStore(clock);
    }
}
