package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;

/** What every access guard shares: how user and agent credentials are checked, whether setup is pending, which origin is ours. */
record AccessControl(AuthUseCases auth, AgentUseCases agents, SetupState setup, SameOriginPolicy origins) {
    AccessControl {
        requireNonNull(auth, "auth is null");
        requireNonNull(agents, "agents is null");
        requireNonNull(setup, "setup is null");
        requireNonNull(origins, "origins is null");
    }
}
