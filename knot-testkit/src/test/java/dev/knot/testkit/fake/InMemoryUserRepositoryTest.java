package dev.knot.testkit.fake;

import dev.knot.ports.out.UserRepository;
import dev.knot.testkit.contract.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected UserRepository newRepository() {
        return new InMemoryUserRepository();
    }
}
