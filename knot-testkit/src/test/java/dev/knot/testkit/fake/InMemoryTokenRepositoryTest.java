package dev.knot.testkit.fake;

import dev.knot.ports.out.TokenRepository;
import dev.knot.testkit.contract.TokenRepositoryContract;

class InMemoryTokenRepositoryTest extends TokenRepositoryContract {
    @Override
    protected TokenRepository newRepository() {
        return new InMemoryTokenRepository();
    }
}
